/** Where a sign-up came from: the recruiter's code, UTM tags and the referring page. */
export interface Attribution {
  ref?: string;
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  referrerUrl?: string;
}

function param(search: URLSearchParams, name: string, max: number): string | undefined {
  const value = search.get(name)?.trim();
  return value ? value.slice(0, max) : undefined;
}

export function readAttribution(search: URLSearchParams, referrer: string): Attribution {
  return {
    ref: param(search, 'r', 32),
    utmSource: param(search, 'utm_source', 200),
    utmMedium: param(search, 'utm_medium', 200),
    utmCampaign: param(search, 'utm_campaign', 200),
    referrerUrl: referrer ? referrer.slice(0, 2000) : undefined,
  };
}
