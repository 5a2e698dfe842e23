/** A map search for a venue (OpenStreetMap: no account, no tracking key), for the reminder's map link. */
export function mapSearchUrl(venueName: string, venueAddress: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${venueName}, ${venueAddress}`)}`;
}
