// Ingest cleaning: one line of an article → whether it is site clutter (share buttons, captions, credits, prompts, …) and which kind.

/** Kinds of clutter a news page scatters through its text. */
export type JunkKind =
  | 'share' | 'caption' | 'timestamp' | 'related' | 'related-heading' | 'comments' | 'comments-heading'
  | 'pagination' | 'bio' | 'newsletter' | 'cookie' | 'chrome' | 'credit';

const SHARE_WORDS = new Set([
  'share', 'shares', 'shared', 'this', 'article', 'story', 'page', 'on', 'via', 'tweet', 'email', 'e-mail', 'mail', 'print', 'copy', 'link',
  'copied', 'facebook', 'twitter', 'x', 'whatsapp', 'linkedin', 'reddit', 'telegram', 'pinterest', 'messenger', 'flipboard', 'vk',
  'save', 'bookmark', 'gift', 'comment', 'comments', 'sms', 'threads', 'bluesky', 'mastodon', 'url', 'the', 'options', 'icon', 'close', 'and',
]);
const SHARE_CORE = /\b(share|tweet|facebook|twitter|whatsapp|linkedin|reddit|telegram|pinterest|e-?mail|print|copy link|flipboard)\b/i;

const DATE_WORDS = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august',
  'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
  'am', 'pm', 'a', 'm', 'p', 'gmt', 'utc', 'bst', 'cet', 'cest', 'eet', 'eest', 'msk', 'ist', 'est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'et', 'pt', 'z',
  'ago', 'min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months', 'read', 'reading', 'time',
  'at', 'on', 'updated', 'update', 'published', 'posted', 'last', 'first', 'modified', 'h', 'today', 'yesterday', 'just', 'now', 'edited',
]);
const NUMBER_TOKEN = /^\d{1,4}(st|nd|rd|th|h|am|pm|m|min)?$/;

/** Site-chrome lines that are the whole line (compared lower-cased, without trailing punctuation). */
const CHROME = new Set([
  'advertisement', 'advertising', 'ad', 'ads', 'sponsored', 'sponsored content', 'skip to content', 'skip to main content', 'skip advertisement',
  'story continues below advertisement', 'article continues below advertisement', 'continue reading below', 'scroll to continue',
  'listen to this article', 'listen', 'watch', 'video', 'play video', 'menu', 'search', 'close', 'home', 'sign in', 'log in', 'login',
  'register', 'subscribe', 'subscribe now', 'loading', 'loading…', 'click here', 'back to top', 'top', 'more', 'show more', 'see more',
  'all rights reserved', 'terms of use', 'terms of service', 'privacy policy', 'privacy', 'contact us', 'about us', 'accessibility help',
  'download our app', 'get the app', 'open in app', 'follow us', 'follow', 'tags', 'topics', 'filed under', 'breaking news', 'live',
  'exclusive', 'opinion', 'analysis', 'explainer', 'world', 'news', 'politics', 'business', 'sport', 'sports', 'markets', 'our standards: the thomson reuters trust principles',
]);

const RELATED_HEADING = /^(read more|related|related (articles?|stories|coverage|news|content|topics|links|reading)|also read|read also|see also|more on this( story| topic)?|more from [\w .'-]{1,40}|recommended( for you| stories)?|you (may|might) also like|most (read|popular|viewed|shared)|trending( now| stories)?|more stories|more news|further reading|editors?'? ?picks|top stories|latest( news| stories)?|what to read next|popular now|don'?t miss|in other news|more in [\w .'-]{1,30})\s*[:»›>…-]*$/i;
const RELATED_INLINE = /^(read more|related|also read|read also|see also|more|recommended|watch|listen|read|related coverage|related article|related story|must read|don'?t miss)\s*(:|»|›|>|-|–|—|\|)\s*\S/i;
const RELATED_CAPS = /^(READ MORE|RELATED|ALSO READ|SEE ALSO|WATCH)(\s*[:»›>|–—-]|$)/;

const CAPTION_PATTERNS: RegExp[] = [
  /^(photo|photos|picture|pictures|image|images|file photo|file picture|video|graphic|illustration|photograph|caption|credit|photo credit|image credit|image source|source)\s*[:|]/i,
  /^[©Ⓒ]/,
  /©\s*[A-Z][\w.'’&/ -]{1,60}$/,
  /^\(c\)\s/i,
  /^copyright\b/i,
  /\b(REUTERS|AFP|AP|EPA|EPA-EFE|ANADOLU|XINHUA|TASS|SPUTNIK|RIA NOVOSTI|GETTY IMAGES|BLOOMBERG|SOPA IMAGES)\s*\/\s*[A-Z][\w.'’-]*(\s+[\w.'’-]+){0,5}\s*$/,
  /\(\s*(AP|AFP|Reuters|EPA|Getty|Xinhua|Anadolu|Bloomberg)\s+(Photo|Images|Photo\/[^)]*)[^)]*\)\s*$/i,
  /\b(AFP|AP|Reuters|EPA|Anadolu)\s+via\s+Getty\s+Images\s*$/i,
  /\bGetty\s+Images\s*$/i,
  /\b(Photo|Picture|Image|Photograph)\s*(credit)?\s*:\s*[A-Z][^.!?]{0,60}$/,
  /^\(?(AFP|AP|Reuters|EPA|Getty Images|Xinhua|TASS|Anadolu|Bloomberg)\)?\.?$/i,
];

const COMMENT_HEADING = /^((\d+\s+)?comments?(\s*\(\d+\))?|join the (conversation|discussion|debate)|leave a (comment|reply)|post a comment|add a comment|write a comment|have your say|reader comments|discussion|conversation|\d+ repl(y|ies))\s*[:!]?$/i;
const COMMENT_PROMPT = /^((view|show|load|see|read|hide) (all |more |the )?(\d+ )?(comments?|replies|responses)|comments? (are|is) (closed|disabled)|be the first to comment|(sign|log) in to (comment|reply|join)|what do you think\??|tell us what you think|share your (thoughts|views)|you must be logged in)/i;

const PAGINATION: RegExp[] = [
  /^page\s+\d+\s*(of|\/)\s*\d+$/i,
  /^[«‹<]?\s*(previous|prev|next|older|newer)(\s+(page|article|story|post))?\s*[»›>]?$/i,
  /^([«‹<]\s*)?(\d+\s*){2,}([»›>]|next|next page)?$/i,
  /^(continue reading|continued on (page|next page)|continues on page|next page|load more)\b/i,
];

const BIO: RegExp[] = [
  /^about the authors?\b/i,
  /^[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\s+is\s+an?\s+([\w-]+\s+){0,5}(correspondent|reporter|journalist|editor|writer|columnist|contributor|producer|analyst|fellow)\b/,
  /^\((reporting|additional reporting|writing|editing|compiled|research) by\b/i,
  /^(reporting|additional reporting|writing|editing) by\b[^.]{0,160}(editing by|;|\)$)/i,
  /^(?:[Ff]ollow|[Cc]ontact)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\s+(on|at|via)\s+/,
  /^(email|e-mail|contact)\s*:\s*\S+@\S+$/i,
  /^@\w{2,}$/,
  /^(more (articles|stories) by|see all (articles|stories) by|view all posts by)\b/i,
];

const NEWSLETTER = /\b(newsletter|newsletters|subscribe|subscription|sign up|signup|inbox|unsubscribe|subscriber)\b/i;
const NEWSLETTER_CONTEXT = /\b(our|your|free|daily|weekly|newsletter|inbox|sign up|delivered)\b/i;
const REPORTED = /\b(said|says|told|according)\b/i;
const COOKIE = /\bcookies?\b/i;
const COOKIE_CONTEXT = /\b(use|uses|using|accept|consent|policy|settings|preferences|browsing|experience|privacy|agree)\b/i;

/** Lines this long or longer are prose: only the narrowest patterns may still call them clutter. */
const LONG = 220;

/** Classifies one trimmed line: the kind of clutter it is, or null for article text. */
export function junkLine(line: string): JunkKind | null {
  const n = line.length;
  if (n === 0) return null;
  const bare = line.replace(/[\s.:!…|»›>-]+$/u, '').toLowerCase();
  if (n < 60 && CHROME.has(bare)) return 'chrome';
  if (/^(https?:\/\/|www\.)\S+$/i.test(line)) return 'chrome';
  if (n < 120 && isShareLine(line)) return 'share';
  if (n < 100 && RELATED_HEADING.test(line)) return 'related-heading';
  if (n < LONG && (RELATED_INLINE.test(line) || RELATED_CAPS.test(line))) return 'related';
  if (n < 80 && COMMENT_HEADING.test(line)) return 'comments-heading';
  if (n < 120 && COMMENT_PROMPT.test(line)) return 'comments';
  if (n < 60 && PAGINATION.some((re) => re.test(line))) return 'pagination';
  if (n < 100 && isTimestamp(line)) return 'timestamp';
  if (n < 300 && CAPTION_PATTERNS.some((re) => re.test(line))) return 'caption';
  if (n < 300 && BIO.some((re) => re.test(line))) return 'bio';
  if (n < LONG && NEWSLETTER.test(line) && NEWSLETTER_CONTEXT.test(line) && !REPORTED.test(line)) return 'newsletter';
  if (n < 400 && COOKIE.test(line) && COOKIE_CONTEXT.test(line) && /\b(we|this (site|website)|our)\b/i.test(line)) return 'cookie';
  return null;
}

/** True for a line made only of share words ("Share this article", "Facebook Twitter Email", "Share on WhatsApp"). */
function isShareLine(line: string): boolean {
  if (!SHARE_CORE.test(line)) return false;
  const tokens = line.toLowerCase().split(/[\s|·•,/()[\]-]+/).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 12) return false;
  return tokens.every((t) => SHARE_WORDS.has(t) || /^\d+$/.test(t));
}

/** True for a line that is only a date, time, "3 min read" or "Updated 2 hours ago". */
function isTimestamp(line: string): boolean {
  if (/^(updated|published|posted|last updated|first published|last modified|modified)\b/i.test(line) && /\d/.test(line) && line.length < 80) return true;
  const tokens = line.toLowerCase().split(/[\s,.:/|+()–—-]+/).filter((t) => t.length > 0);
  let digits = 0;
  for (const t of tokens) {
    if (NUMBER_TOKEN.test(t)) digits++;
    else if (!DATE_WORDS.has(t)) return false;
  }
  return digits > 0;
}
