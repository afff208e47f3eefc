/**
 * British spellings the course must not use, each with its US spelling (the course is written for
 * Phoenix-area crews). The spell checker's US dictionary accepts some of these (grey, kerb, centre),
 * so they are flagged explicitly. Inflected forms are generated from the stems below.
 */

/** -our words: colour -> color, and their -s, -ed, -ing forms. */
const OUR = [
  'armour',
  'behaviour',
  'clamour',
  'colour',
  'endeavour',
  'favour',
  'fervour',
  'flavour',
  'harbour',
  'honour',
  'humour',
  'labour',
  'neighbour',
  'odour',
  'parlour',
  'rigour',
  'rumour',
  'saviour',
  'savour',
  'splendour',
  'tumour',
  'valour',
  'vapour',
  'vigour',
];
/** Extra forms of -our words that the simple endings do not cover. */
const OUR_EXTRA = [
  'behavioural',
  'colourful',
  'favourable',
  'favourite',
  'favourites',
  'honourable',
  'labourer',
  'labourers',
  'neighbourhood',
  'neighbourhoods',
  'neighbourly',
];
/** -ise verbs: apologise -> apologize, with -ised, -ises, -ising and -isation. */
const ISE = [
  'agonise',
  'apologise',
  'authorise',
  'capitalise',
  'categorise',
  'characterise',
  'criticise',
  'customise',
  'emphasise',
  'energise',
  'familiarise',
  'finalise',
  'harmonise',
  'hospitalise',
  'hypothesise',
  'immobilise',
  'itemise',
  'jeopardise',
  'legalise',
  'localise',
  'maximise',
  'memorise',
  'minimise',
  'mobilise',
  'neutralise',
  'normalise',
  'optimise',
  'organise',
  'patronise',
  'penalise',
  'prioritise',
  'publicise',
  'realise',
  'recognise',
  'sanitise',
  'scrutinise',
  'specialise',
  'stabilise',
  'standardise',
  'sterilise',
  'stigmatise',
  'summarise',
  'sympathise',
  'traumatise',
  'utilise',
  'visualise',
];
/** -tre nouns: centre -> center, with -s and -d. */
const TRE = [
  'calibre',
  'centimetre',
  'centre',
  'fibre',
  'kilometre',
  'litre',
  'lustre',
  'meagre',
  'metre',
  'millimetre',
  'sabre',
  'sombre',
  'spectre',
  'theatre',
];
/** Doubled l before a suffix: travelled -> traveled. */
const LL: [string, string][] = [
  ['cancelled', 'canceled'],
  ['cancelling', 'canceling'],
  ['channelled', 'channeled'],
  ['counselled', 'counseled'],
  ['counselling', 'counseling'],
  ['counsellor', 'counselor'],
  ['counsellors', 'counselors'],
  ['dialled', 'dialed'],
  ['dialling', 'dialing'],
  ['fuelled', 'fueled'],
  ['fuelling', 'fueling'],
  ['jewellery', 'jewelry'],
  ['labelled', 'labeled'],
  ['labelling', 'labeling'],
  ['levelled', 'leveled'],
  ['levelling', 'leveling'],
  ['marvellous', 'marvelous'],
  ['modelled', 'modeled'],
  ['modelling', 'modeling'],
  ['quarrelled', 'quarreled'],
  ['signalled', 'signaled'],
  ['signalling', 'signaling'],
  ['totalled', 'totaled'],
  ['travelled', 'traveled'],
  ['traveller', 'traveler'],
  ['travellers', 'travelers'],
  ['travelling', 'traveling'],
  ['tunnelled', 'tunneled'],
  ['woollen', 'woolen'],
];
/** Everything else, one pair at a time. */
const OTHER: [string, string][] = [
  ['acknowledgement', 'acknowledgment'],
  ['aeroplane', 'airplane'],
  ['ageing', 'aging'],
  ['aluminium', 'aluminum'],
  ['anaesthetic', 'anesthetic'],
  ['analogue', 'analog'],
  ['artefact', 'artifact'],
  ['cheque', 'check'],
  ['cosy', 'cozy'],
  ['defence', 'defense'],
  ['draught', 'draft'],
  ['enrolment', 'enrollment'],
  ['fulfil', 'fulfill'],
  ['grey', 'gray'],
  ['greyed', 'grayed'],
  ['greying', 'graying'],
  ['greys', 'grays'],
  ['haemorrhage', 'hemorrhage'],
  ['instalment', 'installment'],
  ['judgement', 'judgment'],
  ['kerb', 'curb'],
  ['kerbs', 'curbs'],
  ['kerbside', 'curbside'],
  ['learnt', 'learned'],
  ['licence', 'license'],
  ['licences', 'licenses'],
  ['lorry', 'truck'],
  ['manoeuvre', 'maneuver'],
  ['manoeuvres', 'maneuvers'],
  ['mould', 'mold'],
  ['mum', 'mom'],
  ['offence', 'offense'],
  ['offences', 'offenses'],
  ['orthopaedic', 'orthopedic'],
  ['paediatric', 'pediatric'],
  ['petrol', 'gas'],
  ['plough', 'plow'],
  ['practise', 'practice'],
  ['practised', 'practiced'],
  ['practises', 'practices'],
  ['practising', 'practicing'],
  ['pretence', 'pretense'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['pyjamas', 'pajamas'],
  ['sceptical', 'skeptical'],
  ['skilful', 'skillful'],
  ['spelt', 'spelled'],
  ['storey', 'story'],
  ['storeys', 'stories'],
  ['tonne', 'ton'],
  ['tonnes', 'tons'],
  ['tyre', 'tire'],
  ['tyres', 'tires'],
  ['whilst', 'while'],
  ['wilful', 'willful'],
];

/** British spelling (lower case) -> US spelling. */
export const BRITISH_TO_US: ReadonlyMap<string, string> = new Map<string, string>([
  ...OUR.flatMap((w): [string, string][] => {
    const us = w.replace(/our$/, 'or');
    return ['', 's', 'ed', 'ing'].map((end) => [w + end, us + end]);
  }),
  ...OUR_EXTRA.map((w): [string, string] => [w, w.replace('our', 'or')]),
  ...ISE.flatMap((w): [string, string][] => {
    const stem = w.slice(0, -3);
    return ['ise', 'ised', 'ises', 'ising', 'isation', 'isations'].map((end) => [
      stem + end,
      stem + end.replace('is', 'iz'),
    ]);
  }),
  ...TRE.flatMap((w): [string, string][] => {
    const us = w.replace(/re$/, 'er');
    return [
      [w, us],
      [`${w}s`, `${us}s`],
      [`${w}d`, `${us}ed`],
    ];
  }),
  ...LL,
  ...OTHER,
]);

/** The US spelling of a British word, keeping its capitalization, or undefined when the word is not listed. */
export function usSpellingOf(word: string): string | undefined {
  const possessive = /['’]s$/.exec(word)?.[0] ?? '';
  const bare = word.slice(0, word.length - possessive.length);
  const us = BRITISH_TO_US.get(bare.toLowerCase());
  if (!us) return undefined;
  return casedLike(bare, us) + possessive;
}

function casedLike(word: string, us: string): string {
  if (word === word.toUpperCase() && word.length > 1) return us.toUpperCase();
  return /^[A-Z]/.test(word) ? us[0]!.toUpperCase() + us.slice(1) : us;
}
