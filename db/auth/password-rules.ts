/**
 * The rules a new password must meet, with no dependencies, so the browser can check them with
 * the same words the server uses (password.ts re-exports them next to the hashing).
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Plain-words problems with a new password, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含登录名';
  if (/^(.)\1+$/.test(password)) return '密码不能全是同一个字符';
  return null;
}
