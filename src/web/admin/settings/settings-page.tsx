import type { OrganisationInput } from "@/domain/correspondence/organisation";
import type { SignedIn } from "@/web/middleware/auth";
import { AdminLayout, CsrfField } from "@/web/admin/admin-layout";
import { describedBy, ErrorSummary, FieldNotes, FieldShell, TextField } from "@/web/shared/form-parts";
import { useMessages } from "@/web/shared/i18n";

type Props = SignedIn & { values: OrganisationInput; errors?: Record<string, string>; problem?: string | undefined; saved?: boolean };

/** `/admin/settings`: the organisation's name, address, numbers and VAT, as receipts print them (owners only). */
export function SettingsPage(props: Props) {
  const m = useMessages();
  const w = m.correspondence.settings;
  const { values } = props;
  const errors = props.errors ?? {};
  const labels = { name: w.name, address: w.address, charityNumber: w.charityNumber, companyNumber: w.companyNumber, vatStatus: w.vatLegend, vatNumber: w.vatNumber, vatRate: w.vatRate };
  return (
    <AdminLayout title={w.title} staff={props.staff} csrfToken={props.csrfToken} current="/admin/settings">
      <h1>{w.title}</h1>
      {props.saved && (
        <p class="notice" role="status">
          {w.saved}
        </p>
      )}
      {props.problem && <ErrorSummary message={props.problem} errors={errors} labels={labels} />}
      <p>{w.intro}</p>
      <form method="post" action="/admin/settings" class="admin-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label={w.name} value={values.name} error={errors.name} autocomplete="organization" required />
        <FieldShell name="address" label={w.address} hint={w.addressHint} error={errors.address}>
          <textarea id="address" name="address" rows={4} maxlength={500} autocomplete="street-address" aria-invalid={errors.address ? "true" : undefined} aria-describedby={describedBy("address", { hint: w.addressHint, error: errors.address })}>
            {values.address}
          </textarea>
        </FieldShell>
        <TextField name="charityNumber" label={w.charityNumber} value={values.charityNumber} error={errors.charityNumber} hint={w.numbersHint} />
        <TextField name="companyNumber" label={w.companyNumber} value={values.companyNumber} error={errors.companyNumber} hint={w.numbersHint} />
        <fieldset class={errors.vatStatus ? "field field-error" : "field"} aria-describedby={describedBy("vatStatus", { error: errors.vatStatus })}>
          <legend>{w.vatLegend}</legend>
          <FieldNotes id="vatStatus" error={errors.vatStatus} />
          <div class="radio">
            <input type="radio" id="vatStatus" name="vatStatus" value="not_registered" checked={values.vatStatus !== "registered"} />
            <label for="vatStatus">{w.notRegistered}</label>
          </div>
          <div class="radio">
            <input type="radio" id="vatStatus-registered" name="vatStatus" value="registered" checked={values.vatStatus === "registered"} aria-describedby="vatStatus-registered-hint" />
            <label for="vatStatus-registered">{w.registered}</label>
            <p class="hint" id="vatStatus-registered-hint">
              {w.registeredHint}
            </p>
          </div>
        </fieldset>
        <TextField name="vatNumber" label={w.vatNumber} value={values.vatNumber} error={errors.vatNumber} />
        <TextField name="vatRate" label={w.vatRate} value={values.vatRate} error={errors.vatRate} hint={w.vatRateHint} />
        <button type="submit" class="button-primary">
          {w.save}
        </button>
      </form>
    </AdminLayout>
  );
}
