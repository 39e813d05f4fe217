package io.newsflow.enrich.tagging;

/**
 * A company named in a text and the country a sign in the text says it is from (its legal form,
 * {@link CompanyForms}; its stock-exchange listing, {@link Listings}).
 *
 * @param countryCode the country the sign belongs to
 * @param surface the text of the sign as found (the name with its legal form, the listing)
 * @param start where that text starts
 */
record CompanyHome(String countryCode, String surface, int start) {}
