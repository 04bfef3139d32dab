import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { CheckResult } from '@winready/plugin-windows-readiness-common';
import { CheckResultIcon, RemediationSnippet, checkTitle } from '../common';
import { EvidenceTable } from './EvidenceTable';

/** One check of a workload: result, message, evidence and remediation. */
export function CheckDetails(props: { check: CheckResult; workload?: string }) {
  const { check, workload } = props;
  const title = checkTitle(check.id);
  const open = ['fail', 'warn', 'unknown'].includes(check.result);
  const hasDetails = check.evidence.length > 0 || !!check.remediation;
  return (
    <Accordion
      defaultExpanded={open && hasDetails}
      data-testid={`check-${check.id}`}
    >
      <AccordionSummary expandIcon={hasDetails ? <ExpandMoreIcon /> : null}>
        <Box display="flex" alignItems="baseline">
          <Box minWidth={100}>
            <CheckResultIcon result={check.result} showLabel />
          </Box>
          <Box>
            <Typography variant="subtitle2">{title}</Typography>
            <Typography variant="body2" color="textSecondary">
              {check.message}
            </Typography>
          </Box>
        </Box>
      </AccordionSummary>
      {hasDetails && (
        <AccordionDetails>
          <Box width="100%" overflow="auto">
            <EvidenceTable
              evidence={check.evidence}
              title={title}
              workload={workload}
            />
            {check.remediation && (
              <Box mt={2}>
                <Typography variant="subtitle2">
                  {check.result === 'unknown'
                    ? 'What would settle it'
                    : 'What to do'}
                </Typography>
                <RemediationSnippet remediation={check.remediation} />
              </Box>
            )}
          </Box>
        </AccordionDetails>
      )}
    </Accordion>
  );
}
