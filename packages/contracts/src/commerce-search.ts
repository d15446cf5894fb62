// The shop's search API (docs/commerce.md); owned by the search part.
export {};
