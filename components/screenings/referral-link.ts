/** The referral form, prefilled from a confirmed suggestion (the referrals feature reads these parameters). */
export function referralHref(
  beneficiaryId: string,
  s: { service: string; urgency: string },
  screeningId: string,
) {
  const query = new URLSearchParams({ service: s.service, urgency: s.urgency, screening: screeningId });
  return `/cases/${beneficiaryId}/referrals/new?${query.toString()}`;
}
