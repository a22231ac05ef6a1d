/**
 * The admin's searchable picker (components/admin/combobox.tsx), driven as a person would: click
 * or type into the box, then choose from the list. It is a plain <select> until JavaScript has
 * run, so each helper first waits for it to become the combobox.
 */
import { expect, type Locator } from '@playwright/test';

/** The list of choices of the picker `input` (hidden while closed). */
export async function pickerList(input: Locator): Promise<Locator> {
  await expect(input).toHaveAttribute('role', 'combobox');
  const id = await input.getAttribute('aria-controls');
  return input.page().locator(`[id="${id}"]`);
}

/** Every choice of the picker, shown or not. */
export async function pickerOptions(input: Locator): Promise<Locator> {
  return (await pickerList(input)).locator('[role="option"]');
}

/** Opens the picker (typing `type` first, when given) and chooses the option with that value, text or position. */
export async function pick(input: Locator, by: { value?: string; text?: string; index?: number; type?: string }): Promise<void> {
  const list = await pickerList(input);
  await input.click();
  if (by.type !== undefined) await input.fill(by.type);
  await expect(list).toBeVisible();
  const option =
    by.value !== undefined
      ? list.locator(`[role="option"][data-value="${by.value}"]`)
      : by.text !== undefined
        ? list.getByRole('option', { name: by.text })
        : list.getByRole('option').nth(by.index ?? 0);
  await option.click();
  await expect(list).toBeHidden();
}

/** The value the picker will send (its hidden input). */
export function pickedValue(input: Locator, name: string): Locator {
  return input.locator('xpath=..').locator(`input[type="hidden"][name="${name}"]`);
}
