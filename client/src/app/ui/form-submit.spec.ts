import { FormControl, FormGroup, Validators } from '@angular/forms';
import { IDEMPOTENCY_HEADER } from '@casustafel/contract/meeting-rules';
import { FormSubmit } from './form-submit';

describe(FormSubmit.name, () => {
  it('runs one submission at a time, with one Idempotency-Key for it', async () => {
    const submit = new FormSubmit();
    const form = new FormGroup({ name: new FormControl('x', { nonNullable: true, validators: Validators.required }) });
    const keys: (string | null)[] = [];
    let finish!: () => void;
    const first = submit.run(form, (submission) => {
      keys.push(submission.options.headers.get(IDEMPOTENCY_HEADER));
      return new Promise<void>((resolve) => (finish = resolve));
    });
    expect(submit.busy()).toBe(true);
    expect(await submit.run(form, async () => keys.push('second'))).toBe(false);
    finish();
    expect(await first).toBe(true);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks an invalid form touched and sends nothing', async () => {
    const submit = new FormSubmit();
    const form = new FormGroup({ name: new FormControl('', { nonNullable: true, validators: Validators.required }) });
    let sent = false;
    expect(await submit.run(form, async () => (sent = true))).toBe(false);
    expect(sent).toBe(false);
    expect(form.touched).toBe(true);
  });
});
