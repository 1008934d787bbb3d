/** Error codes the Numbers API model answers with; the ones Bandwidth documents keep their numbers. */
export const CODES = {
  required: "1003",
  numberUnavailable: "5005",
  notOnAccount: "5006",
  /** errors.mdx: 5006 "TelephoneNumber Disconnect Error", the generic form (the number is not released). */
  disconnectError: "5006",
  // Bandwidth documents 5017 (fewer numbers than asked) and 5018 (none) for a search-and-order shortage; 5011 means
  // "no tiers defined".
  partialShortage: "5017",
  noNumbers: "5018",
  invalidSite: "5016",
  siteRequired: "5022",
  invalidPeer: "5023",
  quantity: "5043",
  nameTooLong: "5045",
  oneOrderType: "5046",
  badBoolean: "5047",
  closeNotBackordered: "5060",
  invalidTn: "5070",
  badDisconnectMode: "5084",
  badProtected: "5108",
  customerOrderId: "5052",
  badListStatus: "15518",
  // Our choices: no document gives codes for a bad list size/date/cursor or for an empty list's body.
  listQuery: "15501",
  listEmpty: "15502",
  alreadyOnOrder: "5218",
  backorderNotAllowed: "5522",
  tnNotValid: "12512",
  // Bandwidth's Numbers error table (SearchErrorType): one code per criterion, 4010 for unsupported or invalid criteria.
  searchAreaCode: "4000",
  searchRateCenter: "4001",
  searchNpaNxx: "4002",
  searchTollFreeVanity: "4003",
  searchTollFreeWildCard: "4004",
  searchCity: "4005",
  searchState: "4006",
  searchZip: "4007",
  searchLata: "4008",
  searchInvalid: "4010",
} as const;
