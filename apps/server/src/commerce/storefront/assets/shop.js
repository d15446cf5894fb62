// WestGear storefront: progressive enhancement only. Every page works without this file; it adds variant switching
// without a reload, add-to-cart through the cart API, search suggestions and instant currency change.
(() => {
  const root = document.documentElement;
  const $ = (selector, scope) => (scope || document).querySelector(selector);
  const status = $('[data-status]');
  const announce = (text) => {
    if (status) status.textContent = text;
  };

  // On a wide screen the filters are a column of their own: the panel and every facet in it open (on a phone only
  // those in use are open, as the server renders them). The breakpoint is shop.css's.
  if (matchMedia('(min-width: 48rem)').matches) {
    for (const details of document.querySelectorAll('[data-facets], [data-facet]')) details.open = true;
  }

  // Currency and other small GET forms submit as soon as their choice changes.
  for (const select of document.querySelectorAll('select[data-autosubmit]')) {
    select.addEventListener('change', () => select.form?.submit());
  }

  // The header's cart count, from the cart the API answers with: every unit in it, those no longer sold included
  // (the server counts the same way when it renders the page).
  const showCartCount = (cart) => {
    let count = 0;
    for (const line of [...(cart?.lines || []), ...(cart?.unavailableLines || [])]) count += Number(line.quantity) || 0;
    const link = $('[data-cart]');
    const badge = $('[data-cart-count]');
    if (badge) {
      badge.textContent = String(count);
      badge.hidden = false;
      badge.removeAttribute('data-cart-unknown');
    }
    if (link)
      link.setAttribute(
        'aria-label',
        (count === 1 ? link.dataset.labelOne : link.dataset.labelMany).replace('{n}', count),
      );
  };

  const cartApi = (path, method, body) =>
    fetch(`/api/shop/cart${path}`, {
      method,
      credentials: 'same-origin',
      headers: body
        ? { 'content-type': 'application/json', accept: 'application/json' }
        : { accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  const refreshCartCount = () =>
    cartApi('', 'GET')
      .then(showCartCount)
      .catch(() => undefined);

  // A page rendered without knowing the cart (it could not be read) asks the cart API once it has loaded.
  if ($('[data-cart-unknown]')) addEventListener('load', () => setTimeout(refreshCartCount, 0));
  // A page restored from the back-forward cache shows the count of when it was left; the cart may have changed since.
  addEventListener('pageshow', (event) => {
    if (event.persisted) refreshCartCount();
  });

  // Variant picker: price, stock, SKU and variant specifications follow the chosen variant.
  const dataBlock = $('#variant-data');
  const picker = $('[data-variant-select]');
  if (dataBlock && picker) {
    const variants = JSON.parse(dataBlock.textContent);
    const show = (sku) => {
      const variant = variants.find((entry) => entry.sku === sku);
      if (!variant) return;
      const set = (selector, text) => {
        const element = $(selector);
        if (element) element.textContent = text;
      };
      const toggle = (selector, visible) => {
        const element = $(selector);
        if (element) element.hidden = !visible;
      };
      set('[data-now]', variant.now);
      $('[data-now-row]')?.classList.toggle('sale', Boolean(variant.was));
      set('[data-was]', variant.was || '');
      toggle('[data-was-row]', Boolean(variant.was));
      set('[data-lowest]', variant.lowest || '');
      toggle('[data-lowest-row]', Boolean(variant.lowest));
      set('[data-sku]', variant.sku);
      const stock = $('[data-stock]');
      if (stock) {
        stock.textContent = variant.stock;
        stock.className = `stock stock-${variant.stockState}`;
      }
      const input = $('[data-sku-input]');
      if (input) input.value = variant.sku;
      const buy = $('[data-buy]');
      if (buy) buy.disabled = !variant.buyable;
      const specs = $('[data-variant-specs]');
      if (specs) {
        specs.replaceChildren(
          ...variant.specs.map(([label, value]) => {
            const row = document.createElement('tr');
            const th = document.createElement('th');
            th.scope = 'row';
            th.textContent = label;
            const td = document.createElement('td');
            td.textContent = value;
            row.append(th, td);
            return row;
          }),
        );
      }
      const url = new URL(location.href);
      url.searchParams.set('sku', variant.sku);
      history.replaceState(null, '', url);
    };
    picker.addEventListener('change', () => show(picker.value));
  }

  // Add to cart through the cart API; the page stays where it is.
  const addForm = $('[data-add-to-cart]');
  if (addForm) {
    addForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = $('[data-buy]', addForm);
      const sku = addForm.elements.sku.value;
      const quantity = Number.parseInt(addForm.elements.quantity.value, 10) || 1;
      button.disabled = true;
      try {
        let cart = await cartApi('/lines', 'POST', { sku, quantity });
        // The cart follows the currency the page shows (the visitor chose it there).
        const currency = root.dataset.currency;
        if (currency && cart?.currency && cart.currency !== currency)
          cart = await cartApi('/currency', 'PUT', { currency });
        showCartCount(cart);
        announce(addForm.dataset.added);
      } catch {
        announce(addForm.dataset.failed);
      } finally {
        button.disabled = false;
      }
    });
  }

  // Search suggestions from /api/shop/search/suggest, as a listbox under the search box.
  const input = $('#q');
  const list = $('#suggest');
  if (input && list) {
    let timer = 0;
    let asked = '';
    let active = -1;
    const close = () => {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    };
    const entriesOf = (answer) => {
      const items = Array.isArray(answer) ? answer : answer?.suggestions || answer?.items || [];
      return items
        .map((item) =>
          typeof item === 'string'
            ? { text: item }
            : { text: item.text || item.label || item.name || item.query, href: item.url || item.href },
        )
        .filter((item) => item.text)
        .slice(0, 8);
    };
    const lang = new URLSearchParams(location.search).get('lang');
    const render = (entries) => {
      if (entries.length === 0) return close();
      list.replaceChildren(
        ...entries.map((entry, index) => {
          const li = document.createElement('li');
          li.id = `suggest-${index}`;
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', 'false');
          const link = document.createElement('a');
          const query = new URLSearchParams({ q: entry.text });
          if (lang) query.set('lang', lang);
          link.href = entry.href || `/shop/search?${query}`;
          link.textContent = entry.text;
          link.tabIndex = -1;
          li.append(link);
          return li;
        }),
      );
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    };
    const ask = async () => {
      const q = input.value.trim();
      if (q.length < 2) return close();
      if (q === asked) return;
      asked = q;
      try {
        const query = new URLSearchParams({ q });
        if (lang) query.set('lang', lang);
        const response = await fetch(`/api/shop/search/suggest?${query}`, { headers: { accept: 'application/json' } });
        if (!response.ok || input.value.trim() !== q) return;
        render(entriesOf(await response.json()));
      } catch {
        close();
      }
    };
    const highlight = (index) => {
      const options = list.querySelectorAll('[role="option"]');
      if (options.length === 0) return;
      active = (index + options.length) % options.length;
      options.forEach((option, i) => {
        option.setAttribute('aria-selected', String(i === active));
      });
      input.setAttribute('aria-activedescendant', options[active].id);
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener('keydown', (event) => {
      if (list.hidden) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        list.querySelectorAll('a')[active]?.click();
      } else if (event.key === 'Escape') {
        close();
      }
    });
    // A click on a suggestion must not blur the box first (which would close the list under the pointer).
    list.addEventListener('mousedown', (event) => event.preventDefault());
    input.addEventListener('blur', close);
  }
})();
