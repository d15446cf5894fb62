// The shop's catalog API (docs/commerce.md); owned by the catalog part.
export {};
