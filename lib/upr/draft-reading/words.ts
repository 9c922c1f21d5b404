/**
 * The word lists the draft reading turns on: who asks, who is asked, what stands between them,
 * and the sentences that only speak. Data, no logic: lib/upr/draft-reading/names.ts and
 * openings.ts read with them.
 */

/** Verbs that ask someone to act. "called" and "calls" need "on" or "upon"; "appeal" needs "to". */
export const ASK = new Set([
  'recommend', 'recommends', 'recommended', 'urge', 'urges', 'urged', 'encourage', 'encourages', 'encouraged',
  'invite', 'invites', 'invited', 'request', 'requests', 'requested', 'ask', 'asks', 'asked', 'suggest',
  'suggests', 'suggested', 'propose', 'proposes', 'proposed', 'exhort', 'exhorts', 'advise', 'advises',
  'call', 'calls', 'called', 'appeal', 'appeals', 'reiterate', 'reiterates', 'recommending',
]);

/** Words between who recommends and the asking verb: "We would therefore like to recommend". */
export const BEFORE_ASK = new Set([
  'also', 'therefore', 'further', 'furthermore', 'thus', 'hence', 'respectfully', 'strongly', 'again', 'once',
  'more', 'hereby', 'kindly', 'would', 'like', 'to', 'wish', 'wishes', 'want', 'wants',
  'firmly', 'warmly', 'sincerely', 'additionally', 'finally', 'lastly', 'now', 'still', 'equally',
  'take', 'takes', 'this', 'the', 'opportunity', 'make', 'makes', 'following', 'recommendation', 'recommendations',
  'its', 'our', 'my', 'same', 'continue', 'continues', 'only', 'both', 'jointly', 'together',
  'is', 'are', 'am', 'pleased', 'glad', 'happy', 'honoured', 'honored', 'in', 'this', 'regard', 'light', 'of',
]);

/** Who recommends, when not a name: "We", "My delegation", "Our Government". */
export const SPEAKER_WORDS = new Set(['we', 'i']);

export const OWN = new Set(['my', 'our']);

export const OWN_NOUNS = new Set(['delegation', 'country', 'government', 'state', 'authorities', 'mission']);

/** What may stand for the State under Review before its verb: "the authorities", "the Government of Chad". */
export const ADDRESSEE_NOUNS = new Set([
  'government', 'governments', 'authorities', 'authority', 'state', 'states', 'country', 'countries', 'party', 'parties',
  'delegation', 'administration', 'executive', 'parliament', 'legislature', 'congress', 'assembly', 'judiciary',
  'community', 'donors', 'donor', 'partners', 'partner', 'organizations', 'organisations', 'agencies', 'nations',
  'system', 'ministry', 'ministries', 'institutions', 'bodies', 'officials', 'leadership', 'president', 'people',
]);

export const ADDRESSEE_ADJECTIVES = new Set([
  'competent', 'relevant', 'national', 'federal', 'central', 'local', 'regional', 'provincial', 'state', 'new',
  'transitional', 'international', 'other', 'all', 'development', 'bilateral', 'concerned', 'respective',
  'appropriate', 'responsible', 'public', 'judicial', 'security', 'military', 'united', 'un', 'donor', 'its',
  'their', 'his', 'her', 'government', 'governmental', 'interim', 'de', 'facto', 'incoming', 'current',
]);

/** Joiners inside a name: "Bosnia and Herzegovina", "the Democratic Republic of the Congo", "Trinidad & Tobago". */
export const NAME_JOINERS = new Set(['of', 'the', 'and', '&', 'de', 'del', 'da', 'do', 'des', 'du', 'la', 'le', 'y', "'", '’', 's', '-', '.']);

/** Verbs after the addressee that mean "should": "Chad should", "the State is encouraged to". */
export const MODALS = new Set(['should', 'must', 'shall', 'will', 'would', 'could', 'can', 'may', 'might', 'ought', 'need', 'needs', 'has', 'have']);

export const PASSIVE_ASK = new Set(['encouraged', 'urged', 'invited', 'requested', 'asked', 'called', 'recommended', 'advised', 'exhorted', 'expected', 'required', 'obliged', 'bound']);

/** The forms of "be": the rules' own list. */
export { BE } from '../action-rules/words';

/** Adverbs that may come between the addressee and its verb: "that Chad, as a matter of priority, ratify". */
export const ADVERBS = new Set([
  'also', 'further', 'urgently', 'immediately', 'promptly', 'swiftly', 'quickly', 'fully', 'effectively', 'duly',
  'still', 'again', 'now', 'soon', 'finally', 'rapidly', 'expeditiously', 'consistently', 'therefore',
  'thus', 'at', 'least', 'as', 'a', 'matter', 'of', 'priority', 'without', 'delay', 'in', 'particular', 'strongly',
  'seriously', 'actively', 'resolutely', 'vigorously', 'genuinely', 'formally', 'officially', 'definitively',
]);

/** Openings of sentences that are not recommendations: thanks, greetings, welcome. */
export const NOT_A_REQUEST = new Set([
  'thank', 'thanks', 'welcome', 'welcomes', 'welcomed', 'commend', 'commends', 'commended', 'congratulate',
  'congratulates', 'congratulated', 'note', 'notes', 'noted', 'appreciate', 'appreciates', 'acknowledge',
  'acknowledges', 'recognise', 'recognises', 'recognize', 'recognizes', 'salute', 'salutes', 'applaud',
  'applauds', 'remain', 'remains', 'share', 'shares', 'express', 'expresses', 'join', 'joins', 'take', 'takes',
  'are', 'am', 'is', 'was', 'were', 'have', 'has', 'had', 'hope', 'hopes', 'believe', 'believes', 'regret',
  'regrets', 'support', 'supports', 'align', 'aligns', 'look', 'looks', 'wish', 'wishes', 'value', 'values',
  'thanks', 'stand', 'stands', 'understand', 'understands', 'see', 'sees', 'consider', 'considers', 'reiterate',
  'reiterates', 'echo', 'echoes', 'concur', 'concurs', 'agree', 'agrees', 'want', 'wants', 'remain', 'ask',
  'asks', 'would',
]);

/** Who a statement greets, and the greetings of the day: "Mr. President", "Good morning", "Excellencies, distinguished delegates". */
export const GREETING = /^(?:(?:mr\.?|mister|madam|madame|ms\.?|mrs\.?)\s+(?:vice[- ])?(?:president|chair(?:person|man|woman)?)\b|good\s+(?:morning|afternoon|evening|day)\b|(?:your\s+)?excellenc(?:y|ies)\b|(?:dear|distinguished|esteemed)\s+(?:colleagues|delegates?|members|friends|guests)\b|ladies\s+and\s+gentlemen\b)/i;

/** Capitalised at a sentence's start, but never the first word of a name: "As recommended by", "May develop". */
export const NOT_NAME_START = new Set([
  'as', 'in', 'with', 'while', 'for', 'on', 'by', 'at', 'to', 'from', 'that', 'this', 'these', 'those', 'it', 'if',
  'when', 'where', 'may', 'have', 'has', 'an', 'a', 'further', 'also', 'please', 'all', 'each', 'every', 'any',
  'some', 'no', 'not', 'both', 'either', 'there', 'here', 'such', 'after', 'before', 'under', 'over', 'within',
  'without', 'during', 'following', 'given', 'taking', 'bearing', 'noting', 'regarding', 'concerning',
  'considering', 'upon', 'once', 'then', 'thus', 'hence', 'therefore', 'however', 'moreover', 'finally', 'lastly',
  'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'again', 'still', 'yet', 'but', 'or', 'and', 'nor',
  'so', 'what', 'which', 'who', 'whose', 'how', 'why', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'we',
  'i', 'you', 'they', 'he', 'she', 'should', 'must', 'shall', 'will', 'would', 'could', 'can', 'do', 'does',
  'is', 'are', 'be', 'an', 'one', 'two', 'mr', 'mrs', 'ms', 'madam', 'thank', 'thanks', 'other', 'same', 'more',
  'most', 'less', 'only', 'even', 'just', 'very', 'much', 'many', 'few', 'several', 'proposed',
]);

/** Capitalised words of names that are also verbs of the lists. */
export const NAME_WORD_LIKE_VERB = new Set(['free', 'united', 'holy', 'see']);

export const LOWER_JOINERS = new Set(['of', 'and', 'the']);

/** Words that open a verb's object: after them an "-ing" word is a verb ("ending the use"). */
export const OBJECT_START = new Set(['the', 'a', 'an', 'all', 'its', 'their', 'any', 'every', 'this', 'these', 'those', 'such']);

/** "first", "second", "main": words between "Our" and "recommendation". */
export const WHICH_RECOMMENDATION = new Set([
  'first', 'second', 'third', 'fourth', 'fifth', 'next', 'last', 'final', 'main', 'key', 'only', 'other', 'further',
  'additional', 'specific', 'concrete', 'principal', 'one', 'two', 'three', 'four', 'five',
]);

/** Words that only order a statement or tie it to what came before, followed by a comma. */
export const ORDERING = [
  'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'fourth', 'fourthly', 'fifth', 'fifthly', 'lastly',
  'finally', 'moreover', 'furthermore', 'additionally', 'also', 'further', 'in addition', 'first of all',
  'last but not least', 'in conclusion', 'to conclude', 'last', 'however', 'nevertheless', 'therefore', 'accordingly',
  'consequently', 'in this regard', 'in that regard', 'in this respect', 'in this context', 'to this end', 'in particular',
  'likewise', 'similarly',
].map((w) => w.split(' '));
