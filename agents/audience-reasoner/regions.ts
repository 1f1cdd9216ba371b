/** Place names a marketer writes → the country names the shop's customer records use. */
const COUNTRY_OF: Readonly<Record<string, string>> = {
  uk: 'United Kingdom',
  'united kingdom': 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  england: 'United Kingdom',
  scotland: 'United Kingdom',
  wales: 'United Kingdom',
  london: 'United Kingdom',
  manchester: 'United Kingdom',
  birmingham: 'United Kingdom',
  英国: 'United Kingdom',
  伦敦: 'United Kingdom',
  ireland: 'EIRE',
  eire: 'EIRE',
  dublin: 'EIRE',
  germany: 'Germany',
  berlin: 'Germany',
  德国: 'Germany',
  france: 'France',
  paris: 'France',
  法国: 'France',
  spain: 'Spain',
  netherlands: 'Netherlands',
  belgium: 'Belgium',
  switzerland: 'Switzerland',
  portugal: 'Portugal',
  italy: 'Italy',
  norway: 'Norway',
  australia: 'Australia',
  japan: 'Japan',
  sweden: 'Sweden',
  finland: 'Finland',
  denmark: 'Denmark',
};

/** The shop-data countries a brief's regions point at; regions with no match are returned apart. */
export function countriesFor(regions: readonly string[]): { countries: string[]; unmatched: string[] } {
  const countries = new Set<string>();
  const unmatched: string[] = [];
  for (const region of regions) {
    const country = COUNTRY_OF[region.trim().toLowerCase()];
    if (country) countries.add(country);
    else unmatched.push(region);
  }
  return { countries: [...countries], unmatched };
}
