import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CodeSnippet, CopyTextButton } from '@backstage/core-components';
import type { Remediation } from '@winready/plugin-windows-readiness-common';

// highlight.js names of the snippet languages.
const LANGUAGES: Record<string, string> = {
  yaml: 'yaml',
  dockerfile: 'dockerfile',
  shell: 'bash',
};

export interface RemediationSnippetProps {
  remediation: Remediation;
  /** Hide the summary sentence and show only the code. */
  hideSummary?: boolean;
}

/** What to do about a check: a sentence and, where one fits, code to copy. */
export function RemediationSnippet(props: RemediationSnippetProps) {
  const { summary, snippet, snippetLanguage } = props.remediation;
  return (
    <Box>
      {!props.hideSummary && <Typography variant="body2">{summary}</Typography>}
      {snippet && (
        <Box position="relative" mt={1} data-testid="remediation-snippet">
          <CodeSnippet
            text={snippet}
            language={LANGUAGES[snippetLanguage ?? 'yaml'] ?? 'yaml'}
            wrapLongLines
          />
          <Box position="absolute" top={0} right={0}>
            <CopyTextButton
              text={snippet}
              aria-label="Copy snippet"
              tooltipText="Snippet copied to the clipboard"
            />
          </Box>
        </Box>
      )}
    </Box>
  );
}
