import type { RetailAddress } from '../../tools/retail/index.js';

/** The payment kinds a buyer names in words ("pay with my gift card"). */
export type PaymentKind = 'gift_card' | 'paypal' | 'credit_card';

/** Everything a buyer message states that the policy can use. */
export interface Slots {
  /** Order ids, normalised to '#W0000000'. */
  readonly orderIds: readonly string[];
  readonly emails: readonly string[];
  readonly name?: { readonly first: string; readonly last: string };
  readonly zip?: string;
  /** Ten-digit item (or product) ids. */
  readonly itemIds: readonly string[];
  /** Payment method ids such as 'credit_card_9513926'. */
  readonly paymentMethodIds: readonly string[];
  readonly paymentKind?: PaymentKind;
  readonly cancelReason?: 'no longer needed' | 'ordered by mistake';
  readonly address?: RetailAddress;
  /** The buyer refers to the address already on their profile. */
  readonly defaultAddress: boolean;
  /** Every item of the order ("all of it", "everything"). */
  readonly allItems: boolean;
  readonly quantity?: number;
  /** A percent off the buyer asks for ("100% off" -> 100, "for free" -> 100, "half price" -> 50). */
  readonly percent?: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const ORDER_ID = /(?:^|[^\p{L}\p{N}])#?\s?(W\d{7})(?!\d)/giu;
const NAME_INTRO =
  /\b(?:my name is|name is|name:|this is|i am|i'm|im|call me)\s+([\p{L}'-]+)\s+([\p{L}'-]+)/iu;
const NOT_A_NAME = new Set(
  'a an the looking interested trying having not so very just here still writing calling wondering going unable glad happy sorry from in at to with and'.split(
    ' ',
  ),
);
const STREET =
  /(?<![\p{L}\p{N}#])\d{1,6}\s+(?:[\p{L}\p{N}.'-]+\s+){0,5}?(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|way|court|ct|place|pl|circle|cir|terrace|parkway|pkwy|trail|highway|hwy)\.?/iu;
/** US states by name, for addresses written out ("Fort Worth, Texas, 76165"). */
const STATES: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'alabama AL,alaska AK,arizona AZ,arkansas AR,california CA,colorado CO,connecticut CT,delaware DE,florida FL,' +
    'georgia GA,hawaii HI,idaho ID,illinois IL,indiana IN,iowa IA,kansas KS,kentucky KY,louisiana LA,maine ME,' +
    'maryland MD,massachusetts MA,michigan MI,minnesota MN,mississippi MS,missouri MO,montana MT,nebraska NE,' +
    'nevada NV,new hampshire NH,new jersey NJ,new mexico NM,new york NY,north carolina NC,north dakota ND,ohio OH,' +
    'oklahoma OK,oregon OR,pennsylvania PA,rhode island RI,south carolina SC,south dakota SD,tennessee TN,texas TX,' +
    'utah UT,vermont VT,virginia VA,washington WA,west virginia WV,wisconsin WI,wyoming WY,district of columbia DC'
  )
    .split(',')
    .map((entry) => [entry.slice(0, -3), entry.slice(-2)]),
);
const STATE = `[A-Za-z]{2}|${Object.keys(STATES).join('|')}`;
const ADDRESS = new RegExp(
  `(${STREET.source})\\s*,\\s*(?:((?:apt|apartment|suite|ste|unit|#)[^,]*?)\\s*,\\s*)?([\\p{L} .'-]+?)\\s*,\\s*(${STATE})\\s*,?\\s*(\\d{5})(?:\\s*,\\s*(USA|US|United States))?`,
  'iu',
);

/**
 * Extracts order ids, emails, a name and zip, item ids, payment hints, a cancellation reason, an
 * address, a quantity and a requested discount from one buyer message.
 *
 * @example
 * ```ts
 * const s = extractSlots('I am Yusuf Rossi, zip 19122. Cancel #W2378156, ordered by mistake');
 * s.name; // { first: 'Yusuf', last: 'Rossi' }
 * s.orderIds; // ['#W2378156']
 * s.cancelReason; // 'ordered by mistake'
 * ```
 */
export function extractSlots(text: string): Slots {
  const emails = [...text.matchAll(EMAIL)].map((m) => m[0].replace(/\.$/, ''));
  const withoutEmails = text.replace(EMAIL, ' ');
  const orderIds = unique([...withoutEmails.matchAll(ORDER_ID)].map((m) => `#W${(m[1] ?? '').slice(1)}`));
  const itemIds = unique([...withoutEmails.matchAll(/(?<![\d_#W])\d{10}(?!\d)/g)].map((m) => m[0]));
  const paymentMethodIds = unique(
    [...text.matchAll(/\b(?:credit_card|gift_card|paypal)_\d{5,}\b/g)].map((m) => m[0]),
  );
  const address = extractAddress(withoutEmails);
  const zip = extractZip(withoutEmails, address);
  const name = extractName(withoutEmails);
  const paymentKind = extractPaymentKind(text);
  const cancelReason = extractCancelReason(text);
  const quantity = extractQuantity(text);
  const percent = extractPercent(text);
  return {
    orderIds,
    emails,
    itemIds,
    paymentMethodIds,
    defaultAddress:
      /\b(?:to|use|with|at)\s+(?:my |the )?(?:default|profile|usual)\s+(?:[a-z.]+\s+)?(?:address|one|home)\b|\bsame as (?:my )?account address|address on (?:file|my account)/i.test(
        text,
      ),
    allItems:
      /\b(?:all (?:the |of the |my |of my )?(?:items|things)|all of (?:it|them)|everything|whole order|entire order)\b|全部/i.test(
        text,
      ),
    ...(name ? { name } : {}),
    ...(zip ? { zip } : {}),
    ...(address ? { address } : {}),
    ...(paymentKind ? { paymentKind } : {}),
    ...(cancelReason ? { cancelReason } : {}),
    ...(quantity !== undefined ? { quantity } : {}),
    ...(percent !== undefined ? { percent } : {}),
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function extractName(text: string): Slots['name'] {
  const m = NAME_INTRO.exec(text);
  const [first, last] = [m?.[1] ?? '', m?.[2] ?? ''];
  if (!m || NOT_A_NAME.has(first.toLowerCase()) || NOT_A_NAME.has(last.toLowerCase())) return undefined;
  // "i am looking" is no name; after "i am" / "this is" require capitals unless the intro is explicit.
  const explicit = /name|call me/i.test(m[0]);
  if (!explicit && !(/^\p{Lu}/u.test(first) && /^\p{Lu}/u.test(last))) return undefined;
  return { first: titleCase(first), last: titleCase(last) };
}

function extractZip(text: string, address: RetailAddress | undefined): string | undefined {
  const keyed = /\b(?:zip(?:\s*code)?|postal code|postcode|邮编)\s*(?:is|:|=)?\s*(\d{5})(?!\d)/i.exec(text);
  if (keyed?.[1]) return keyed[1];
  if (address) return undefined; // the address's zip is a new address, not an identity factor
  const bare = /(?<![\d#W])\d{5}(?!\d)/.exec(text);
  return bare && NAME_INTRO.test(text) ? bare[0] : undefined;
}

function extractAddress(text: string): RetailAddress | undefined {
  const m = ADDRESS.exec(text);
  if (!m) return undefined;
  const [, street, unit, city, state, zip] = m;
  return {
    address1: (street ?? '').trim(),
    address2: (unit ?? '').trim(),
    city: (city ?? '').trim(),
    state: STATES[(state ?? '').toLowerCase()] ?? (state ?? '').toUpperCase(),
    country: 'USA',
    zip: zip ?? '',
  };
}

function extractPaymentKind(text: string): PaymentKind | undefined {
  if (/gift\s*card|礼品卡/i.test(text)) return 'gift_card';
  if (/pay\s*pal/i.test(text)) return 'paypal';
  if (/credit\s*card|\bvisa\b|mastercard|\bamex\b|信用卡/i.test(text)) return 'credit_card';
  return undefined;
}

function extractCancelReason(text: string): Slots['cancelReason'] {
  if (/no longer need|don'?t need|do not need|not needed|no need for|不需要|不要了/i.test(text))
    return 'no longer needed';
  if (/by mistake|mistakenly|accident|wrong(?:ly)? order|ordered the wrong|下错/i.test(text))
    return 'ordered by mistake';
  return undefined;
}

function extractQuantity(text: string): number | undefined {
  const m =
    /\b(?:buy|order|take|get|need|want)\s+(\d{1,4})\b(?!\s*%)/i.exec(text) ??
    /\b(\d{1,4})\s*(?:x\b|pcs|pieces|units|boxes|packs|of (?:them|these|those|the))/i.exec(text);
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function extractPercent(text: string): number | undefined {
  const m = /(\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)/i.exec(text);
  if (m?.[1]) return Number(m[1]);
  if (/\bfor free\b|\bfree of charge\b|\bon the house\b|免费/i.test(text)) return 100;
  if (/\bhalf(?:\s|-)?price\b|\bhalf off\b|半价/i.test(text)) return 50;
  return undefined;
}

/**
 * Reads an explicit answer to a confirmation question: 'yes' only for a clear yes with no hedge
 * ("yes", "confirm", "是的", "确认"), 'no' for a refusal, otherwise undefined.
 *
 * @example
 * ```ts
 * confirmationOf('Yes, please go ahead'); // 'yes'
 * confirmationOf('yes but use my paypal'); // undefined
 * confirmationOf('确认'); // 'yes'
 * ```
 */
export function confirmationOf(text: string): 'yes' | 'no' | undefined {
  const t = text.trim().toLowerCase();
  if (
    /^(?:(?:no|nope|nah)\b(?!\s+(?:longer|need|problem|worries))|(?:don'?t|do not|stop|wait|never ?mind|hold on)\b)|^(?:不|别|算了|等等)/.test(
      t,
    )
  ) {
    return 'no';
  }
  const yes =
    /^(?:yes|yeah|yep|yup|sure|confirm(?:ed)?|i confirm|go ahead|please proceed|proceed|please do|do it)\b/.test(
      t,
    ) || /^(?:是的|是|确认|确定|好的|对的?)/.test(t);
  const hedged = /\b(?:but|not|no|don'?t|wait|instead|however|actually)\b|不|但是/.test(
    t.replace(/^(?:yes|yeah|yep|yup)\b/, ''),
  );
  return yes && !hedged ? 'yes' : undefined;
}
