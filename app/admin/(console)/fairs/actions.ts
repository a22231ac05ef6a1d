'use server';
/**
 * Server actions of the admin fair pages: the gated writes of db/admin/fairs/writers.ts (the role is
 * asked first thing — no 培训机构 or 驿站 account may touch a fair — then the input, with the same
 * zod schema the form ran), made into actions by adminAction(), which adds the session and the
 * client address.
 */
import { adminAction } from '@/db/admin/action';
import { fairWrites as w } from '@/db/admin/fairs/writers';
import { fairAdmin } from '@/components/admin/fairs/strings';

export const createFairAction = adminAction(w.create, fairAdmin.form.created);
export const updateFairAction = adminAction(w.update, fairAdmin.form.saved);
export const transitionFairAction = adminAction(w.transition);
export const saveEmployerAction = adminAction(w.saveEmployer, fairAdmin.employers.saved);
export const deleteEmployerAction = adminAction(w.deleteEmployer, fairAdmin.employers.removed);
export const savePositionAction = adminAction(w.savePosition, fairAdmin.positions.saved);
export const deletePositionAction = adminAction(w.deletePosition, fairAdmin.employers.removed);
export const cloneFairAction = adminAction(w.clone, fairAdmin.cloneForm.done);
