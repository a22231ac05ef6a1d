/** A tap-to-call link: digits only in the tel: address, the number as written on screen. */
export function PhoneLink({ phone, label, className = '' }: { phone: string; label?: string; className?: string }) {
  const digits = phone.replace(/[^\d+]/g, '');
  return (
    <a href={`tel:${digits}`} aria-label={label} className={`inline-flex min-h-12 items-center font-bold ${className}`}>
      {phone}
    </a>
  );
}
