/** The Data-issues tab: every skipped or doubtful row with its sheet, cell and reason. */
import { issueCell, type DataIssue } from '../issues';
import type { Language } from '../options';
import { say } from '../i18n';
import { headerBand, ISSUES_TAB } from './colours';
import { issueMessage } from './issue-messages';
import { ISSUE_LABELS, TAB_NAMES } from './labels';
import type { TabPlan } from './types';

export function issuesTab(issues: readonly DataIssue[], language: Language): TabPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  return {
    key: 'issues',
    role: 'issues',
    name: TAB_NAMES.issues[language],
    tabColour: ISSUES_TAB,
    blocks: [
      {
        id: 'issues',
        anchor: { row: 1, column: 1 },
        columns: [
          { header: 'Sheet', kind: 'text', width: 140 },
          { header: t('Ô', 'Cell'), kind: 'code', width: 60 },
          { header: t('Cột', 'Column'), kind: 'text', width: 140 },
          { header: t('Giá trị', 'Value'), kind: 'text', width: 160 },
          { header: t('Vấn đề', 'Problem'), kind: 'text', width: 160 },
          { header: t('Chi tiết', 'Details'), kind: 'text', width: 420 },
        ],
        rows: issues.map((issue) => [
          issue.sheet,
          issueCell(issue),
          issue.header ?? '',
          issue.value ?? '',
          ISSUE_LABELS[issue.code][language],
          issueMessage(issue, language),
        ]),
        ...headerBand(ISSUES_TAB),
      },
    ],
    frozenRows: 1,
    filter: true,
    charts: [],
    hidden: false,
  };
}
