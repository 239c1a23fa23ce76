import type { ChangeEvent } from 'react';
import { useT } from '../../i18n/locale.tsx';

/**
 * A file input whose button speaks the page's language (the browser's own "Choose Files / No
 * file chosen" follows the browser, not the page). The real input stays in the page, visually
 * hidden, and keeps its labels; the visible button is a second <label> of it.
 */
export function FilePicker(props: {
  id: string;
  accept: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const t = useT();
  return (
    <div className="file-picker">
      <input
        id={props.id}
        className="file-picker-input"
        type="file"
        multiple
        accept={props.accept}
        onChange={props.onChange}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
      />
      <label htmlFor={props.id} className="file-picker-button" aria-hidden="true">
        {t('intake.form.chooseFiles')}
      </label>
    </div>
  );
}
