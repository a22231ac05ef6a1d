import Link from 'next/link';
import type { ComponentProps } from 'react';

const base =
  'inline-flex min-h-12 items-center justify-center gap-2 rounded-lg px-5 text-lg font-medium no-underline disabled:opacity-60';

export const buttonStyles = {
  primary: `${base} bg-brand text-white hover:bg-brand-dark hover:text-white`,
  secondary: `${base} border-2 border-brand bg-white text-brand hover:bg-brand-soft`,
  quiet: `${base} text-brand underline hover:bg-brand-soft`,
  /** Starts something that removes data (a confirmation follows). */
  danger: `${base} border-2 border-bad bg-white text-bad hover:bg-bad-soft`,
  /** A link-like button flush with the text around it. */
  link: 'inline-flex min-h-12 items-center gap-2 text-lg font-medium text-brand underline hover:bg-brand-soft',
} as const;

type Variant = keyof typeof buttonStyles;

export function Button({ variant = 'primary', className = '', ...props }: ComponentProps<'button'> & { variant?: Variant }) {
  return <button className={`${buttonStyles[variant]} ${className}`} {...props} />;
}

export function LinkButton({
  variant = 'primary',
  className = '',
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={`${buttonStyles[variant]} ${className}`} {...props} />;
}
