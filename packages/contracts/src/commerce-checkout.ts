// The shop's checkout API (docs/commerce.md); owned by the checkout part.
export {};
