// remark-cli configuration for the comparison row of `npm run bench`: the prose checks that
// `sop lint`'s writing rules replace (passive voice, weasel words, wordy phrases), run the way a
// remark user would set them up. Frontmatter is parsed so it is not read as prose.
import remarkFrontmatter from 'remark-frontmatter';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextIntensify from 'retext-intensify';
import retextPassive from 'retext-passive';
import retextSimplify from 'retext-simplify';
import { unified } from 'unified';

export default {
  plugins: [
    [remarkFrontmatter, ['yaml']],
    [remarkRetext, unified().use(retextEnglish).use(retextPassive).use(retextIntensify).use(retextSimplify)],
  ],
};
