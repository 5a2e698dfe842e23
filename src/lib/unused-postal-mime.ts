// Stands in for `postal-mime` in the deployed bundle (wrangler.toml [alias]). The resend SDK
// imports it only to forward inbound mail, which this service never does; the real parser
// would add about 20 KiB gzip to a Worker that must stay under 1 MB. Fails loudly if reached.
export default {
  parse(): never {
    throw new Error("postal-mime is not bundled: inbound mail forwarding is not used by this service");
  },
};
