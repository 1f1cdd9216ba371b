/**
 * A deterministic simulated buyer for τ²-bench retail tasks, built from the task's instruction
 * text alone (τ²'s user simulator is an LLM reading the same text). It opens with its first
 * request, answers identity questions with what `known_info` gives (an email, else name and zip;
 * a user id such as `mei_kovacs_8020` gives the name), confirms a proposed write with "yes",
 * answers "which order / item / option / payment method / address / reason" from the instructions
 * when they say it (an order id, else the listed order whose items its words describe; the option
 * or item its words favour; the payment kind it names first, else the original one), moves on to
 * its next request after each answer, and says goodbye when it has no request left. It gives up
 * when the agent repeats a question it already answered.
 *
 * How it reads the instructions into messages: a detail without a request verb ("you want to pay
 * with PayPal") goes with the request before it; requests it is told to "mention at the same time"
 * go in one message when they ask for the same kind of thing; after a write the agent said covers
 * more orders ("… which comes next"), it asks for the next one; asked whether to cancel a whole
 * order for one item, it agrees unless its words about cancelling say "only", "keep" or "not the
 * entire order".
 *
 * What it does not do — and an LLM user would: follow the conditional branches of the
 * instructions ("if the agent asks for confirmation, only exchange the desk lamp"), or refuse a
 * proposal that does not match its goal. Tasks that need those fail here whatever the agent does;
 * the offline pass rate is a floor for this reason too.
 *
 * The trial seed varies what a person varies: whether identity or the request comes first, and
 * email or name + zip when both are known. So pass^k over trials measures robustness to that.
 */
import type { Tau2Instructions } from './tau2-retail.js';

/** What the buyer knows and wants, read from the instructions. */
export interface UserProfile {
  /** Emails the buyer may give, in the order stated. */
  readonly emails: readonly string[];
  readonly name?: { readonly first: string; readonly last: string };
  readonly zip?: string;
  /** Order ids named in the instructions (`#W0000000`). */
  readonly orderIds: readonly string[];
  /** What the buyer asks for, one message each, in the first person, in order. */
  readonly requests: readonly string[];
  readonly cancelReason?: 'no longer needed' | 'ordered by mistake';
  readonly payment?: 'paypal' | 'gift_card' | 'credit_card';
  /** Every payment kind the instructions name, first mentioned first ("gift card, else credit card"). */
  readonly payments: readonly ('paypal' | 'gift_card' | 'credit_card')[];
  /** An address spelled out in the instructions. */
  readonly address?: string;
  /** Cancelling a whole order is fine (no "only that item", "keep", "never the entire order"). */
  readonly wholeOrderCancel: boolean;
  /** Lower-cased words of the instructions, for picking among options. */
  readonly words: ReadonlySet<string>;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const ORDER = /#?\bW\d{7}\b/g;
const NAME =
  /\b(?:[Yy]ou are|[Yy]ou're|[Yy]our name is|[Yy]ou name is|called|[Nn]ame is)\s+([A-Z][a-z]+)\s+([A-Z][a-z]+)\b/;
const USER_ID = /\b([a-z]+)_([a-z]+)_\d{4}\b/;
const ADDRESS =
  /\b\d{1,6} [A-Z][\w.]*(?: [A-Z][\w.]*)* (?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Way|Court|Ct|Place|Pl)\b[^.;]*?\b\d{5}\b/;
/** Sentences that are conditions, stage directions or asides, not things to say up front. */
const NOT_A_REQUEST =
  /^(?:if|when|once|but if|and if|unless|otherwise|in case|after|make sure|mention|be |do not|don't|never|insist|note|remember|however|also,? if|(?:provide|give|say|tell|respond|reply|answer|act|pretend|speak|repeat|keep|try|stay|refuse|deny|agree|accept|confirm|explain|express)\b|you are (?:a|an|very|quite|not)\b|you're (?:a|an|very|quite|not)\b)/i;
const WANTS =
  /\b(?:want|wants|wish|would like|'d like|need|like to|wonder|hope|prefer to|plan to)\b|^(?:also |then |and |first |finally )?(?:ask|cancel|return|exchange|change|modify|update|upgrade|switch|track|get|check|for #?W\d)/i;

/** A sentence asking for information, which is a request of its own rather than a detail. */
const QUESTION =
  /\b(?:know|check|ask|wonder|find out|confirm|how much|how many|what|when|where|which|whether|tracking)\b/i;

/** An instruction to say requests together. */
const TOGETHER = /\bmention\b.*\b(?:at the same time|together)\b|\bmention the two things together\b/i;

/** What a request asks to do, by its verb, for keeping requests of one kind together. */
function actionOf(request: string): string | undefined {
  const lower = request.toLowerCase();
  if (/\baddress/.test(lower)) return 'address';
  if (/\bcancel/.test(lower)) return 'cancel';
  if (/\breturn/.test(lower)) return 'return';
  if (/\b(?:exchang|modif|chang|upgrad|adjust|swap)/.test(lower)) return 'change';
  return undefined;
}

/** Requests joined into one message, when they ask for the same kind of thing (an agent does one at a time). */
function mergeable(requests: readonly string[]): string | undefined {
  if (requests.length < 2) return undefined;
  const actions = new Set(requests.map(actionOf).filter((a) => a !== undefined));
  return actions.size <= 1 ? requests.join(' ') : undefined;
}

const title = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * Second person to first ("You want to return your watch" → "I want to return my watch"); "the
 * agent" becomes "you".
 *
 * @example
 * ```ts
 * firstPerson('You received your order and wish the agent to help.'); // 'I received my order and wish you to help.'
 * ```
 */
export function firstPerson(sentence: string): string {
  const s = sentence
    .replace(/\byou are\b/gi, 'I am')
    .replace(/\byou're\b/gi, "I'm")
    .replace(/\byou've\b/gi, "I've")
    .replace(/\byou'd\b/gi, "I'd")
    .replace(/\byou'll\b/gi, "I'll")
    .replace(/\byou were\b/gi, 'I was')
    .replace(/\byourself\b/gi, 'myself')
    .replace(/\byours\b/gi, 'mine')
    .replace(/\byour\b/gi, 'my')
    .replace(/\byou\b/gi, 'I')
    .replace(/\bthe (?:customer service )?agent\b/gi, 'you')
    .replace(/\bI has\b/g, 'I have')
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Splits text into sentences (after ., ! or ? followed by a space, and on new lines). */
function sentences(text: string): string[] {
  return text
    .replace(/\([^)]*\)/g, ' ')
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /\p{L}/u.test(s));
}

/**
 * Reads the buyer's profile from τ²'s instructions.
 *
 * @example
 * ```ts
 * const p = userProfile({ reasonForCall: 'You want to cancel order #W1234567 since it is no longer needed.', knownInfo: 'You are Yusuf Rossi in zip code 19122.', unknownInfo: 'You do not remember your email address.', taskInstructions: '' });
 * p.name; // { first: 'Yusuf', last: 'Rossi' }
 * p.requests; // ['I want to cancel order #W1234567 since it is no longer needed.']
 * ```
 */
export function userProfile(instructions: Tau2Instructions): UserProfile {
  const { reasonForCall, knownInfo } = instructions;
  const all = `${reasonForCall}\n${knownInfo}\n${instructions.unknownInfo}\n${instructions.taskInstructions}`;
  const emails = [...new Set(knownInfo.match(EMAIL) ?? [])].map((e) => e.replace(/\.$/, ''));
  const named = NAME.exec(knownInfo);
  const byId = USER_ID.exec(knownInfo) ?? USER_ID.exec(reasonForCall);
  const name =
    named?.[1] && named[2]
      ? { first: title(named[1]), last: title(named[2]) }
      : byId?.[1] && byId[2]
        ? { first: title(byId[1]), last: title(byId[2]) }
        : undefined;
  const zip = /(?<![\d#W])\d{5}(?!\d)/.exec(knownInfo.replace(EMAIL, ' '))?.[0];
  const orderIds = [...new Set((reasonForCall.match(ORDER) ?? []).map((o) => `#${o.replace(/^#/, '')}`))];

  const requests: string[] = [];
  // Scene-setting sentences ("You just bought a water bottle…") go with the next request.
  let context: string[] = [];
  // "Make sure you mention these at the same time": the requests so far go in one message.
  let since = 0;
  for (const s of sentences(reasonForCall)) {
    if (TOGETHER.test(s)) {
      const merged = mergeable(requests.slice(since));
      if (merged !== undefined) requests.splice(since, requests.length - since, merged);
      since = requests.length;
    }
    if (NOT_A_REQUEST.test(s)) continue;
    const last = requests.length - 1;
    if (WANTS.test(s) && actionOf(s) === undefined && !QUESTION.test(s) && last >= since && last >= 0) {
      // A detail of the request before it ("I want to pay the difference with my gift card").
      requests[last] = `${requests[last] ?? ''} ${firstPerson([...context, s].join(' '))}`;
      context = [];
    } else if (WANTS.test(s) && (actionOf(s) !== undefined || QUESTION.test(s))) {
      requests.push(firstPerson([...context, s].join(' ')));
      context = [];
    } else context.push(s);
  }
  if (requests.length === 0 && reasonForCall.trim() !== '') requests.push(firstPerson(reasonForCall.trim()));

  const lower = reasonForCall.toLowerCase();
  // The reason may be stated with the request or only as what to say when asked.
  const reasons = `${lower}\n${instructions.taskInstructions.toLowerCase()}`;
  const cancelReason = /no longer need|don'?t need|do not need|not needed|no need/.test(reasons)
    ? ('no longer needed' as const)
    : /by mistake|mistakenly|ordered the wrong/.test(reasons)
      ? ('ordered by mistake' as const)
      : undefined;
  const paymentAt = (
    [
      ['paypal', /paypal/],
      ['gift_card', /gift ?card|\bgc\b/],
      ['credit_card', /credit card|\bvisa\b|mastercard|\bamex\b/],
    ] as const
  )
    .map(([kind, re]) => [kind, lower.search(re)] as const)
    .filter(([, at]) => at >= 0)
    .sort((a, b) => a[1] - b[1]);
  const address = ADDRESS.exec(reasonForCall)?.[0] ?? ADDRESS.exec(knownInfo)?.[0];
  // Sentences about cancelling, asides included ("(you ONLY want to cancel that hose)").
  const aboutCancel = reasonForCall.split(/(?<=[.!?])\s+/).filter((x) => /cancel/i.test(x));
  const wholeOrderCancel = !aboutCancel.some((x) =>
    /\bonly\b|\bkeep\b|(?:not|never)\b[^.]{0,50}\b(?:entire|whole)\b|do not do anything/i.test(x),
  );
  return {
    emails,
    orderIds,
    requests,
    wholeOrderCancel,
    words: new Set(
      all
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w !== ''),
    ),
    ...(name ? { name } : {}),
    ...(zip ? { zip } : {}),
    ...(cancelReason ? { cancelReason } : {}),
    payments: paymentAt.map(([kind]) => kind),
    ...(paymentAt[0] ? { payment: paymentAt[0][0] } : {}),
    ...(address ? { address } : {}),
  };
}

/** The conversation as the simulated user drives it: send a message, get the agent's reply. */
export interface SimulatedChannel {
  send(message: string): Promise<{ readonly text: string } | undefined>;
  /** True once the agent handed the conversation to a human. */
  readonly done: boolean;
}

/** One exchange: the user's message and the agent's reply (none after a handoff). */
export interface Exchange {
  readonly user: string;
  readonly agent?: string;
}

/** Why the conversation ended. */
export type EndReason = 'goodbye' | 'handoff' | 'stuck' | 'no-identity' | 'max-turns';

/** The whole simulated conversation. */
export interface SimulatedConversation {
  readonly transcript: readonly Exchange[];
  readonly end: EndReason;
}

interface State {
  next: number;
  current: string;
  givenEmails: number;
  gaveNameZip: boolean;
  /** Give name + zip before any email (when both are known). */
  nameZipFirst: boolean;
  gaveOrders: number;
  /** The agent said the request covers further orders, which come next after this write. */
  more: boolean;
  seen: Map<string, number>;
}

type Move = { say: string } | { end: EndReason };

/** The buyer's last message (the agent's THANKS rule reads it as the end of the thread). */
const GOODBYE = "That's all, bye.";

/**
 * The option the buyer's instructions favour among "a, b [item 123]; c, d [item 456]" (values may
 * come as "name: value" and with a "$price"), if one stands out: the most values the instructions
 * mention ("no backlight" mentions "backlight: none"), then the price when they say "cheapest" or
 * "most expensive".
 *
 * @example
 * ```ts
 * pickOption('color: red, $10.00 [item 1111111111]; color: blue, $12.00 [item 2222222222]', new Set(['blue']));
 * // { id: '2222222222', label: 'color: blue, $12.00' }
 * ```
 */
export function pickOption(
  offer: string,
  words: ReadonlySet<string>,
): { id: string; label: string } | undefined {
  const options = [...offer.matchAll(/([^;]+?)\s*\[item (\d{10})\]/g)].map((m) => ({
    label: (m[1] ?? '').trim(),
    id: m[2] ?? '',
  }));
  const said = (w: string): boolean => w === '' || words.has(w);
  const scored = options.map((o) => {
    const parts = o.label.split(',').map((p) => p.trim().toLowerCase());
    const price = Number(/\$([\d.]+)/.exec(o.label)?.[1] ?? NaN);
    const score = parts.filter((part) => {
      if (part === '' || part.startsWith('$')) return false;
      const [key, value] = part.includes(': ') ? part.split(': ') : [undefined, part];
      if (value === 'none' && key !== undefined)
        return key.split(/\s+/).some((k) => words.has(k)) && words.has('no');
      return (value ?? '').split(/[^\p{L}\p{N}]+/u).every(said);
    }).length;
    return { ...o, score, price };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  let top = scored.filter((s) => s.score === best);
  const byPrice = words.has('cheapest') ? 1 : words.has('expensive') && words.has('most') ? -1 : 0;
  if (top.length > 1 && byPrice !== 0 && top.every((t) => Number.isFinite(t.price))) {
    const extreme = byPrice > 0 ? Math.min(...top.map((t) => t.price)) : Math.max(...top.map((t) => t.price));
    top = top.filter((t) => t.price === extreme);
  }
  const [only] = top;
  return (best > 0 || byPrice !== 0) && top.length === 1 && only
    ? { id: only.id, label: only.label }
    : undefined;
}

const SIZE_LETTER: Readonly<Record<string, string>> = { small: 's', medium: 'm', large: 'l' };

/**
 * The order the buyer recognises among those the agent listed ("#W1 (pending): Desk Lamp (black,
 * USB), Backpack (grey)"): the one whose items and options the instructions mention most, if one
 * stands out.
 *
 * @example
 * ```ts
 * pickOrder('Which order is it about? These fit: #W1 (pending): T-Shirt (purple); #W2 (pending): Lamp (red).', new Set(['purple', 'shirt']));
 * // '#W1'
 * ```
 */
export function pickOrder(question: string, words: ReadonlySet<string>): string | undefined {
  const listed = [...question.matchAll(/(#W\d{7}) \([^)]*\): (.*?)(?=; #W\d{7} \(|\.?$)/gs)];
  // "small" is size S; "t shirt" is a tshirt.
  const said = new Set([...words, ...[...words].flatMap((w) => SIZE_LETTER[w] ?? [])]);
  const scored = listed.map((m) => {
    const parts = (m[2] ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u);
    const tokens = [...parts, ...parts.slice(1).map((w, i) => `${parts[i] ?? ''}${w}`)];
    return { id: m[1] ?? '', score: tokens.filter((w) => w !== '' && w !== 'a' && said.has(w)).length };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return best > 0 && top.length === 1 ? top[0]?.id : undefined;
}

/**
 * The payment method the buyer chooses among those the agent listed ("visa credit card ending 1234
 * (credit_card_1), the original payment method; PayPal (paypal_2)"): the first kind the
 * instructions name that is listed (narrowed by a card brand they name); a buyer who named none
 * keeps the original one.
 */
export function pickPayment(
  listed: string,
  profile: Pick<UserProfile, 'payments' | 'words'>,
): string | undefined {
  const options = listed.split(/;\s*|,\s*(?=(?:credit_card|gift_card|paypal)_)/).map((o) => ({
    text: o.toLowerCase(),
    id: /\b(?:credit_card|gift_card|paypal)_\d+\b/.exec(o)?.[0],
  }));
  for (const kind of profile.payments) {
    let fitting = options.filter((o) => o.id?.startsWith(kind));
    if (fitting.length > 1) {
      const brand = fitting.filter((o) =>
        ['visa', 'mastercard', 'amex'].some((b) => o.text.includes(b) && profile.words.has(b)),
      );
      if (brand.length > 0) fitting = brand;
    }
    if (fitting.length === 1) return fitting[0]?.id;
    if (fitting.length > 1) return undefined;
  }
  // A buyer who asked for a kind the agent does not offer does not settle for another.
  return profile.payments.length === 0 ? options.find((o) => o.text.includes('original'))?.id : undefined;
}

function nextRequest(profile: UserProfile, state: State): Move {
  const request = profile.requests[state.next];
  if (request === undefined) return { say: GOODBYE };
  state.next++;
  state.current = request;
  return { say: request };
}

function identity(profile: UserProfile, state: State): Move | undefined {
  const nameZip = (): Move | undefined => {
    if (!profile.name || !profile.zip || state.gaveNameZip) return undefined;
    state.gaveNameZip = true;
    return {
      say: `My name is ${profile.name.first} ${profile.name.last} and my zip code is ${profile.zip}.`,
    };
  };
  const email = (): Move | undefined => {
    const next = profile.emails[state.givenEmails];
    if (next === undefined) return undefined;
    state.givenEmails++;
    return { say: `My email is ${next}.` };
  };
  return state.nameZipFirst ? (nameZip() ?? email()) : (email() ?? nameZip());
}

/** A reply that asks the buyer to confirm a proposed change. */
const ASKS_CONFIRMATION =
  /Shall I proceed\?|reply "?yes"? to confirm|please confirm|(?:do you|would you like me to|should I) (?:want me to )?(?:proceed|go ahead|confirm)|can you confirm|confirm (?:by|with) "?yes/i;
/** A reply that asks who the buyer is. */
const ASKS_IDENTITY =
  /verify your identity|could not find an account|authenticat|(?:email|e-mail)(?: address)? (?:on|for|of|linked to) (?:your|the) account|(?:first and last )?name,? (?:and )?(?:your )?zip/i;

/**
 * The buyer's answer to the agent's reply. Pure but for `state`, which it advances.
 */
function respond(reply: string, profile: UserProfile, state: State): Move {
  const key = reply.replace(/\s+/g, ' ').trim();
  const times = (state.seen.get(key) ?? 0) + 1;
  state.seen.set(key, times);
  // Any agent's way of asking for the go-ahead (the offline policy's, or a model's own words).
  if (ASKS_CONFIRMATION.test(reply)) {
    state.more = /\bcomes? next\b/.test(reply);
    return { say: 'yes' };
  }
  // A write went through and the agent said more orders come next: the buyer wants the rest done.
  if (/^Done:/.test(reply) && state.more) {
    state.more = false;
    return { say: `Please go on with the next one. ${state.current}` };
  }
  if (ASKS_IDENTITY.test(reply)) return identity(profile, state) ?? { end: 'no-identity' };
  if (/What is the zip code/i.test(reply))
    return profile.zip ? { say: `It is ${profile.zip}.` } : { end: 'no-identity' };
  // Asked the same thing again: the last answer did not help, and the buyer has no other.
  if (times > 1 && !/anything else I can help/i.test(reply)) return { end: 'stuck' };
  if (/you are verified\. How can I help/i.test(reply)) return nextRequest(profile, state);
  if (/Which order is it about\?/.test(reply)) {
    const order = profile.orderIds[state.gaveOrders] ?? pickOrder(reply, profile.words);
    if (order === undefined) return { end: 'stuck' };
    if (profile.orderIds[state.gaveOrders] !== undefined) state.gaveOrders++;
    // The bare id: a sentence with "order" in it reads as a new request to the agent.
    return { say: order };
  }
  if (/Only a whole order can be cancelled/.test(reply))
    return {
      say: profile.wholeOrderCancel ? 'Please cancel the whole order.' : 'No, leave that order as it is.',
    };
  if (/'no longer needed' or 'ordered by mistake'/.test(reply))
    return { say: `The reason is ${profile.cancelReason ?? 'no longer needed'}.` };
  if (/Which items would you like to/.test(reply)) return { say: state.current };
  const offer = /Which option would you like for .*?\? Available: (.*)$/s.exec(reply)?.[1];
  if (offer !== undefined) {
    const pick = pickOption(offer, profile.words);
    return pick ? { say: `I'd like the ${pick.label} one, item ${pick.id}.` } : { end: 'stuck' };
  }
  const which = /Which .*? do you mean\? Available: (.*)$/s.exec(reply)?.[1];
  if (which !== undefined) {
    const pick = pickOption(which, profile.words);
    return pick ? { say: `I mean the ${pick.label} one, item ${pick.id}.` } : { end: 'stuck' };
  }
  if (/What is (?:the new shipping|your new default) address\?/.test(reply))
    return profile.address ? { say: `The address is ${profile.address}.` } : { end: 'stuck' };
  const methods =
    /Which payment method should .*? use instead\? Your other methods: (.*?)\.$/s.exec(reply)?.[1] ??
    /Which payment method should (?:receive the refund|pay or receive the price difference)(?: for order #W\d+)?\? Your methods: (.*?)\.$/s.exec(
      reply,
    )?.[1];
  if (methods !== undefined) {
    const method = pickPayment(methods, profile);
    return method ? { say: `Please use ${method}.` } : { end: 'stuck' };
  }
  // An answer, a refusal, a done write, or "anything else?": on to the next request.
  return nextRequest(profile, state);
}

/**
 * Plays the buyer of `profile` against `channel` until goodbye, handoff, a dead end or
 * `maxTurns` messages. `random` (the trial's generator) picks what comes first.
 *
 * @example
 * ```ts
 * const { transcript, end } = await simulateUser(userProfile(task.instructions), session, random);
 * ```
 */
export async function simulateUser(
  profile: UserProfile,
  channel: SimulatedChannel,
  random: () => number,
  options: { maxTurns?: number } = {},
): Promise<SimulatedConversation> {
  const maxTurns = options.maxTurns ?? 20;
  // What a person varies, drawn once per trial: identity or request first, and which identity.
  const identityFirst = random() < 0.5;
  const nameZipFirst = random() < 0.5;
  const state: State = {
    next: 0,
    current: '',
    givenEmails: 0,
    gaveNameZip: false,
    nameZipFirst,
    gaveOrders: 0,
    more: false,
    seen: new Map(),
  };
  const transcript: Exchange[] = [];
  let move: Move = (identityFirst ? identity(profile, state) : undefined) ?? nextRequest(profile, state);
  for (;;) {
    if ('end' in move) return { transcript, end: move.end };
    if (transcript.length >= maxTurns) return { transcript, end: 'max-turns' };
    const reply = await channel.send(move.say);
    transcript.push({ user: move.say, ...(reply ? { agent: reply.text } : {}) });
    if (channel.done) return { transcript, end: 'handoff' };
    if (move.say === GOODBYE) return { transcript, end: 'goodbye' };
    move = reply ? respond(reply.text, profile, state) : nextRequest(profile, state);
  }
}
