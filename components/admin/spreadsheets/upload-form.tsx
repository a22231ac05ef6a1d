'use client';
/**
 * The upload form. Without JavaScript it is a plain multipart form post (the server answers
 * with the preview page). With JavaScript it sends the file with XMLHttpRequest so the clerk
 * sees the upload percentage, then reads the server's line-by-line progress while every row
 * is checked, and opens the preview when done.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/admin/form';
import { sheets } from './strings';

type Progress = { label: string; value: number | null } | null;

export function UploadForm({ kinds, initialError }: { kinds: { value: string; label: string; help: string }[]; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [progress, setProgress] = useState<Progress>(null);
  const busy = progress !== null;
  const errorRef = useRef<HTMLParagraphElement>(null);

  function showError(message: string) {
    setProgress(null);
    setError(message);
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return showError(sheets.import.noFile);
    setError(null);
    setProgress({ label: sheets.import.uploading(0), value: 0 });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-Import-Progress', '1');
    let seen = 0;
    let finished = false;
    const handleLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        let msg: { stage?: string; done?: number | true; total?: number; url?: string; error?: string };
        try {
          msg = JSON.parse(line);
        } catch {
          continue;
        }
        if (msg.error) {
          finished = true;
          showError(msg.error);
        } else if (msg.url) {
          finished = true;
          setProgress({ label: sheets.import.reading, value: 100 });
          router.push(msg.url);
        } else if (msg.stage === 'read') setProgress({ label: sheets.import.reading, value: null });
        else if (msg.stage === 'check' && typeof msg.done === 'number' && msg.total)
          setProgress({ label: sheets.import.checking(msg.done, msg.total), value: Math.round((msg.done / msg.total) * 100) });
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) {
        const pct = Math.round((ev.loaded / ev.total) * 100);
        setProgress({ label: sheets.import.uploading(pct), value: pct });
      }
    };
    xhr.upload.onload = () => setProgress({ label: sheets.import.reading, value: null });
    xhr.onprogress = handleLines;
    xhr.onload = () => {
      if (xhr.status >= 400) return showError(xhr.responseText.trim().slice(0, 200) || sheets.import.networkError);
      handleLines();
      if (!finished) showError(sheets.import.networkError);
    };
    xhr.onerror = () => showError(sheets.import.networkError);
    xhr.send(data);
  }

  return (
    <form method="post" action="/admin/spreadsheets/import/upload" encType="multipart/form-data" onSubmit={onSubmit} noValidate>
      <fieldset className="mb-4">
        <legend className="font-medium">{sheets.import.kindLegend}</legend>
        {kinds.map((k, i) => (
          <label key={k.value} htmlFor={`kind-${k.value}`} className="mt-2 flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border-2 border-line bg-white p-3 has-[:checked]:border-brand">
            <input type="radio" id={`kind-${k.value}`} name="kind" value={k.value} defaultChecked={i === 0} className="mt-1 h-6 w-6 shrink-0 accent-brand" aria-describedby={`kind-${k.value}-help`} />
            <span>
              <span className="block font-medium">{k.label}</span>
              <span id={`kind-${k.value}-help`} className="block text-base text-muted">
                {k.help}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="mb-4">
        <label htmlFor="import-file" className="block font-medium">
          {sheets.import.file}
        </label>
        <p id="import-file-help" className="text-base text-muted">
          {sheets.import.fileHelp}
        </p>
        {error && (
          <p id="import-file-error" ref={errorRef} tabIndex={-1} role="alert" className="mt-1 rounded-lg border-l-4 border-bad bg-bad-soft px-3 py-2 font-medium text-bad">
            {error}
          </p>
        )}
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          className={`${inputClass} mt-1`}
          aria-describedby={error ? 'import-file-help import-file-error' : 'import-file-help'}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? progress.label : sheets.import.submit}
      </Button>
      <div role="status" aria-live="polite" className="mt-3">
        {progress && (
          <>
            <p>{progress.label}</p>
            <progress className="mt-1 h-4 w-full max-w-md" max={100} value={progress.value ?? undefined} aria-label={progress.label} />
          </>
        )}
      </div>
    </form>
  );
}
