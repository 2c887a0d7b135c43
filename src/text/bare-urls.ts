/** A URL starting with a scheme or `www.`, up to the last character that is not trailing punctuation. */
const URL_START = /\b(?:https?:\/\/|www\.)/g;
const URL_BODY = /[^\s<>]/;
const URL_TRAILING = /[().,;:!?'"\]]/;
const LOCAL_PART = /[\w.+-]/;
const DOMAIN_LABEL = /[\w-]/;

/**
 * The `[start, end)` ranges of bare URLs and e-mail addresses in `value`, in order and disjoint. A scan
 * instead of one regular expression: the e-mail pattern `[\w.+-]+@…` backtracks over every run of word
 * characters and dots without an `@` (a 2 MB `a.a.a…` line never finished). Here each character is read
 * a bounded number of times: URLs are found from their start, e-mail addresses from their `@`.
 */
export function bareUrlRanges(value: string): Array<[number, number]> {
  if (!/[@:.]/.test(value)) return [];
  const urls: Array<[number, number]> = [];
  URL_START.lastIndex = 0;
  for (let match = URL_START.exec(value); match; match = URL_START.exec(value)) {
    let end = match.index + match[0].length;
    while (end < value.length && URL_BODY.test(value[end])) end++;
    let last = end;
    while (last > match.index && URL_TRAILING.test(value[last - 1])) last--;
    const minimum = match.index + match[0].length;
    // The scheme alone is not a URL: it needs one more character that is not trailing punctuation.
    if (last <= minimum) {
      URL_START.lastIndex = match.index + 1;
      continue;
    }
    urls.push([match.index, last]);
    URL_START.lastIndex = end;
  }
  const ranges: Array<[number, number]> = [];
  let urlIndex = 0;
  let floor = 0;
  for (let at = value.indexOf('@'); at !== -1; at = value.indexOf('@', at + 1)) {
    while (urlIndex < urls.length && urls[urlIndex][1] <= at) {
      ranges.push(urls[urlIndex]);
      floor = urls[urlIndex][1];
      urlIndex++;
    }
    if (urlIndex < urls.length && urls[urlIndex][0] <= at) continue;
    let start = at;
    while (start > floor && LOCAL_PART.test(value[start - 1])) start--;
    const end = domainEnd(value, at + 1);
    if (start === at || end === -1) continue;
    // The leftmost match wins, as in one regular expression: URLs that start inside the address go.
    while (urlIndex < urls.length && urls[urlIndex][0] < end) urlIndex++;
    ranges.push([start, end]);
    floor = end;
    at = end - 1;
  }
  for (; urlIndex < urls.length; urlIndex++) ranges.push(urls[urlIndex]);
  return ranges;
}

/** End of `label(.label)+` from `from`, the longest such, or -1. */
function domainEnd(value: string, from: number): number {
  let index = from;
  while (index < value.length && DOMAIN_LABEL.test(value[index])) index++;
  if (index === from) return -1;
  let end = -1;
  while (value[index] === '.' && index + 1 < value.length && DOMAIN_LABEL.test(value[index + 1])) {
    index++;
    while (index < value.length && DOMAIN_LABEL.test(value[index])) index++;
    end = index;
  }
  return end;
}
