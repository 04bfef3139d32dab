import { Fragment } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { Evidence } from '@winready/plugin-windows-readiness-common';

type Column = {
  title: string;
  value: (e: Evidence, workload?: string) => string | undefined;
  /** Names, builds and SKUs: one value a line, never broken. */
  nowrap?: boolean;
  /** An image reference: breaks only after its / and : */
  reference?: boolean;
};

const NOWRAP = { whiteSpace: 'pre' } as const;
// The theme breaks long words anywhere; here only between words.
const WORDS = { wordBreak: 'normal', overflowWrap: 'normal' } as const;

/** `registry/repo/name:tag` with break opportunities after / and : (copies unchanged). */
function Reference(props: { text: string }) {
  const parts = props.text.split(/(?<=[/:])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

const COLUMNS: Column[] = [
  // The workload itself is the card's title; pods and others are shown.
  { title: 'Object', value: (e, w) => (e.object === w ? undefined : e.object) },
  { title: 'Pool', value: e => e.pool, nowrap: true },
  { title: 'Image', value: e => e.image, reference: true },
  {
    title: 'Image builds',
    value: e => e.imageBuilds?.join('\n'),
    nowrap: true,
  },
  { title: 'Pool build', value: e => e.poolBuild, nowrap: true },
  { title: 'OS SKU', value: e => e.osSku, nowrap: true },
  { title: 'Taints', value: e => e.taints?.join('\n'), nowrap: true },
  { title: 'Detail', value: e => e.detail },
];

/** The facts behind a verdict; only the columns that have any value. */
export function EvidenceTable(props: {
  evidence: Evidence[];
  title: string;
  /** `Kind namespace/name` of the workload the evidence is about. */
  workload?: string;
}) {
  const { evidence, title, workload } = props;
  const columns = COLUMNS.filter(c => evidence.some(e => c.value(e, workload)));
  if (evidence.length === 0 || columns.length === 0) return null;
  return (
    <Table size="small" aria-label={`Evidence of ${title}`}>
      <TableHead>
        <TableRow>
          {columns.map(c => (
            <TableCell key={c.title}>{c.title}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {evidence.map((e, i) => (
          <TableRow key={i}>
            {columns.map(c => (
              <TableCell key={c.title} style={c.nowrap ? NOWRAP : WORDS}>
                {c.reference ? (
                  <Reference text={c.value(e, workload) ?? ''} />
                ) : (
                  c.value(e, workload) ?? ''
                )}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
