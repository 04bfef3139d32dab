import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { Evidence } from '@winready/plugin-windows-readiness-common';

type Column = {
  title: string;
  value: (e: Evidence, workload?: string) => string | undefined;
};

const COLUMNS: Column[] = [
  // The workload itself is the card's title; pods and others are shown.
  { title: 'Object', value: (e, w) => (e.object === w ? undefined : e.object) },
  { title: 'Pool', value: e => e.pool },
  { title: 'Image', value: e => e.image },
  { title: 'Image builds', value: e => e.imageBuilds?.join(', ') },
  { title: 'Pool build', value: e => e.poolBuild },
  { title: 'OS SKU', value: e => e.osSku },
  { title: 'Taints', value: e => e.taints?.join(', ') },
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
              <TableCell key={c.title}>{c.value(e, workload) ?? ''}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
