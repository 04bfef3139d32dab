import { useState } from 'react';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useApi } from '@backstage/core-plugin-api';
import { windowsReadinessApiRef, type ReportFilters } from '../../api';

export type ExportFormat = 'csv' | 'json';

export function exportFileName(
  format: ExportFormat,
  now: Date,
  prefix = 'windows-readiness',
): string {
  return `${prefix}-${now.toISOString().slice(0, 10)}.${format}`;
}

/** Saves a blob through an object URL and a transient `<a download>`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface ExportButtonsProps {
  /** The filters of the page: the export holds what the table shows. */
  filters?: ReportFilters;
  /** Another download than the services report (the same filters' list). */
  exporter?(format: ExportFormat): Promise<Blob>;
  /** The file name's start (default `windows-readiness`). */
  fileNamePrefix?: string;
  now?: () => Date;
}

export function ExportButtons(props: ExportButtonsProps) {
  const { filters, exporter, fileNamePrefix, now = () => new Date() } = props;
  const api = useApi(windowsReadinessApiRef);
  const [busy, setBusy] = useState<ExportFormat>();
  const [error, setError] = useState<string>();

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(undefined);
    try {
      const blob = exporter
        ? await exporter(format)
        : await api.exportReport(filters ?? {}, format);
      downloadBlob(blob, exportFileName(format, now(), fileNamePrefix));
    } catch (e) {
      setError(`Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div>
      <ButtonGroup variant="outlined" size="small" disabled={!!busy}>
        {(['csv', 'json'] as const).map(format => (
          <Button
            key={format}
            startIcon={<GetAppIcon />}
            onClick={() => run(format)}
          >
            {busy === format ? 'Exporting…' : `Export ${format.toUpperCase()}`}
          </Button>
        ))}
      </ButtonGroup>
      {error && (
        <Typography color="error" variant="body2" role="alert">
          {error}
        </Typography>
      )}
    </div>
  );
}
