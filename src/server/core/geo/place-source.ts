import type { PlacePrecision } from '../../../contracts/places.ts';
import type { StreetLine } from './street-line.ts';

/** A commune a query may be in: its INSEE code, and the codes the BAN files its addresses under. */
export interface CommuneToSearch {
  code: string;
  /** `addressCommuneCodes`: the commune's own code, or arrondissements for Paris, Lyon, Marseille. */
  addressCodes: string[];
}

/** What the geocoder asks a source, once it knows the commune from reference data. */
export interface PlaceRequest {
  /** Whose places: a source answers from this campaign's data only. */
  campaignId: number;
  /**
   * One commune when the query names it; several when its postal code serves several and
   * nothing tells them apart (then only an address or a street can answer).
   */
  communes: CommuneToSearch[];
  postalCode: string | null;
  /** The street line as read (`parseStreetLine`); null when none was typed. */
  street: StreetLine | null;
}

/** What a source found; the geocoder writes the place's label. */
export interface SourcePlace {
  lat: number;
  lng: number;
  precision: Extract<PlacePrecision, 'address' | 'street' | 'commune'>;
  /** One of the request's communes (its INSEE code, not an arrondissement's). */
  communeCode: string;
  /** "12 bis Avenue de la République" for an address, the street's name for a street. */
  streetLabel: string | null;
  /** The postal code the source holds for the place, if any. */
  postalCode: string | null;
}

/**
 * Places a feature knows better than reference data, asked first by the geocoder (the field
 * feature's imported BAN addresses). Registered on the context's geocoder when the feature
 * starts (`CampaignGeocoder.addSource`); core knows no feature.
 */
export interface PlaceSource {
  place(request: PlaceRequest): Promise<SourcePlace | null>;
}
