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
  // errors.mdx: 5215 "quantity ... not valid or exceeds the maximum value of 5000", 5087 "order type is not a valid
  // entry", 5002 "Validation error" (no documented code names an order Name's length), 1008 "'%s' is not a valid value".
  quantity: "5215",
  nameTooLong: "5002",
  oneOrderType: "5087",
  badBoolean: "1008",
  closeNotBackordered: "5060",
  invalidTn: "5070",
  badDisconnectMode: "5084",
  badProtected: "5108",
  customerOrderId: "5052",
  badListStatus: "15518",
  // errors.mdx: 1006 "%s must be between %s and %s", 15503 "Valid date is required (%s)", 5061 "Order ID is invalid"
  // (a list's page cursor is an order id). An empty list has no code: it is a 404 (see numbers/responses.ts).
  listSize: "1006",
  listDate: "15503",
  listCursor: "5061",
  alreadyOnOrder: "5218",
  backorderNotAllowed: "5522",
  tnNotValid: "12512",
  notThisAccount: "5076",
  // Move orders (errors.mdx, LNP section, and CreateMoveTnsOrder's 400 example in numbers.yml).
  moveSite: "7309",
  moveNoDefaultPeer: "7310",
  movePeerOtherSite: "7311",
  movePeer: "7312",
  moveTooMany: "7314",
  moveNoNumbers: "7316",
  moveCustomerOrderId: "7318",
  moveNotAuthorized: "7325",
  moveDuplicates: "7360",
  tnNotActive: "7518",
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
