/** The stand-in's hosted payment page: what Stripe Checkout is to a real shop, reduced to a card number field. */

export interface PageSession {
  id: string;
  amount: number;
  currency: string;
  locale: string;
  productName: string;
  cancelUrl: string | null;
  successUrl: string;
}

const texts = {
  sv: {
    title: 'Betala med kort',
    card: 'Kortnummer',
    expiry: 'Giltigt till (MM/ÅÅ)',
    cvc: 'CVC',
    pay: (amount: string) => `Betala ${amount}`,
    cancel: 'Avbryt och gå tillbaka till butiken',
    hint: 'Testkort: 4242 4242 4242 4242 godkänns, 4000 0000 0000 0002 nekas.',
    paid: 'Betalningen är klar.',
    back: 'Tillbaka till butiken',
    standin: 'Lokal testserver som talar Stripes protokoll — inga riktiga pengar.',
  },
  en: {
    title: 'Pay by card',
    card: 'Card number',
    expiry: 'Expiry (MM/YY)',
    cvc: 'CVC',
    pay: (amount: string) => `Pay ${amount}`,
    cancel: 'Cancel and return to the shop',
    hint: 'Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined.',
    paid: 'This payment is complete.',
    back: 'Back to the shop',
    standin: 'A local test server speaking Stripe’s protocol — no real money.',
  },
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function money(amount: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

function layout(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; background: #f3f5f8; color: #1a1f36; margin: 0; }
  main { max-width: 420px; margin: 40px auto; background: #fff; border-radius: 8px; padding: 24px;
         box-shadow: 0 2px 8px rgba(0,0,0,.08); }
  h1 { font-size: 1.25rem; margin: 0 0 4px; }
  .amount { font-size: 1.75rem; font-weight: 600; margin: 8px 0 20px; }
  label { display: block; font-size: .875rem; margin: 12px 0 4px; }
  input { width: 100%; box-sizing: border-box; font-size: 1rem; padding: 10px; border: 1px solid #8792a2; border-radius: 6px; }
  .row { display: flex; gap: 12px; } .row > div { flex: 1; }
  button { width: 100%; margin-top: 20px; padding: 12px; font-size: 1rem; font-weight: 600; color: #fff;
           background: #4b3fd6; border: 0; border-radius: 6px; cursor: pointer; }
  .error { color: #a4001d; background: #fdecee; border-radius: 6px; padding: 10px; margin: 12px 0; }
  .hint, .standin { font-size: .8rem; color: #5a6478; }
  a { color: #3a2fc0; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** The form; `error` is the decline or validation message of the last try. */
export function paymentPage(session: PageSession, error: string | null): string {
  const lang = session.locale === 'sv' ? 'sv' : 'en';
  const t = texts[lang];
  const amount = money(session.amount, session.currency.toUpperCase(), lang);
  return layout(
    lang,
    t.title,
    `<h1>${escapeHtml(session.productName)}</h1>
<p class="amount">${escapeHtml(amount)}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/pay/${encodeURIComponent(session.id)}">
  <label for="card_number">${t.card}</label>
  <input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" required
         placeholder="4242 4242 4242 4242" maxlength="23">
  <div class="row">
    <div><label for="expiry">${t.expiry}</label>
      <input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="12/34" maxlength="7"></div>
    <div><label for="cvc">${t.cvc}</label>
      <input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" maxlength="4"></div>
  </div>
  <button type="submit">${escapeHtml(t.pay(amount))}</button>
</form>
<p class="hint">${t.hint}</p>
${session.cancelUrl ? `<p><a href="${escapeHtml(session.cancelUrl)}">${t.cancel}</a></p>` : ''}
<p class="standin">${t.standin}</p>`,
  );
}

export function alreadyPaidPage(session: PageSession, successUrl: string): string {
  const lang = session.locale === 'sv' ? 'sv' : 'en';
  const t = texts[lang];
  return layout(lang, t.title, `<h1>${t.paid}</h1><p><a href="${escapeHtml(successUrl)}">${t.back}</a></p>`);
}
