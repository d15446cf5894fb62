// The shop's orders API (docs/commerce.md); owned by the orders part.
export {};
