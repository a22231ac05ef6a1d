/** The id of a form control for a field path ('runs.3.fee' → field-runs-3-fee): what error summaries and checklists link to. Safe on the server and in the browser. */
export function fieldId(name: string) {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
