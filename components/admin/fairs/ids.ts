/**
 * The id a form field gets (the same rule as fieldId in components/admin/form.tsx), for server
 * components that link to fields: that module is client-only.
 */
export function fieldAnchor(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
