import { versionedContent } from '../../src/repository/fingerprint.js';
import { compareVersions, nextVersions, parseVersion } from '../../src/repository/semver.js';
import { positionOf, type Position } from '../../src/repository/summary.js';
import { defineCorpusRule } from '../../src/rules/define.js';

/** What the rule keeps of a document: its version, changelog versions and a fingerprint of its content. */
interface VersionSummary {
  absolutePath: string;
  version?: string;
  versionAt?: Position;
  /** Versions listed in `changelog`, or undefined when the document has no changelog. */
  changelogVersions?: string[];
  changelogAt?: Position;
  fingerprint: string;
}

export default defineCorpusRule({
  id: 'version-bump',
  description: 'With `--since <git ref>`, a document that changed since the ref carries a higher `version` and, if it keeps a changelog, an entry for it.',
  principle: 'traceable-changes',
  defaultSeverity: 'error',
  languages: 'all',
  defaultOptions: {},
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: {
    notBumped: 'Changed since {ref}, but `version` is still {version}. Raise it ({patch} for a correction, {minor} for a change in practice) so staff can tell what changed.',
    lowered: 'Changed since {ref}, but `version` {version} is lower than {oldVersion} there. Raise it above {oldVersion}.',
    noChangelogEntry: '`changelog` has no entry for version {version}. Add one at the top with the version, the date and what changed.',
  },
  summarize(doc, context): VersionSummary | undefined {
    // Without --since there is nothing to compare, and no reason to hash every document.
    if (!context.since) return undefined;
    const { frontmatter } = doc;
    const version = typeof frontmatter.data.version === 'string' ? frontmatter.data.version : undefined;
    const changelog = frontmatter.data.changelog;
    const versionSpan = frontmatter.locate(['version']);
    const changelogSpan = frontmatter.locate(['changelog']);
    return {
      absolutePath: doc.absolutePath,
      fingerprint: versionedContent(doc.text).fingerprint,
      ...(version ? { version } : {}),
      ...(versionSpan ? { versionAt: positionOf(versionSpan) } : {}),
      ...(Array.isArray(changelog)
        ? { changelogVersions: changelog.map((entry) => String((entry as { version?: unknown } | null)?.version ?? '')) }
        : {}),
      ...(changelogSpan ? { changelogAt: positionOf(changelogSpan) } : {}),
    };
  },
  check(summaries, context) {
    const history = context.history;
    if (!history) return;
    const ref = history.ref;
    const candidates = summaries.flatMap(({ filePath, summary }) => (summary ? [{ filePath, summary }] : []));
    const oldTexts = history.changedTexts(candidates.map(({ summary }) => summary.absolutePath));
    for (const { filePath, summary } of candidates) {
      const oldText = oldTexts.get(summary.absolutePath);
      if (oldText === undefined) continue; // Unchanged, or new at this ref: any version will do.
      const old = versionedContent(oldText);
      if (old.fingerprint === summary.fingerprint) continue; // Only layout, `version` or `changelog` changed.
      const oldVersion = parseVersion(old.version);
      const version = parseVersion(summary.version);
      // A missing or malformed version is `frontmatter-schema`'s finding; there is nothing to compare.
      if (!oldVersion || !version || !summary.version || !summary.versionAt) continue;
      const order = compareVersions(version, oldVersion);
      if (order === 0) {
        context.report({ filePath, at: summary.versionAt, messageId: 'notBumped', data: { ref, version: summary.version, ...nextVersions(version) } });
      } else if (order < 0) {
        context.report({ filePath, at: summary.versionAt, messageId: 'lowered', data: { ref, version: summary.version, oldVersion: String(old.version) } });
      } else if (summary.changelogVersions && !summary.changelogVersions.includes(summary.version)) {
        context.report({ filePath, at: summary.changelogAt ?? summary.versionAt, messageId: 'noChangelogEntry', data: { version: summary.version } });
      }
    }
  },
});
