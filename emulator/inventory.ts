/** One number of the emulator's inventory, with the geography Bandwidth's search answers with. */
export interface InventoryNumber {
  /** 10 digits, no +1. */
  fullNumber: string;
  /** The area code (first 3 digits). */
  npa: string;
  /** The exchange (digits 4 to 6). */
  nxx: string;
  /** The rate center searches and orders match against. */
  rateCenter: string;
  /** The city searches and orders match against. */
  city: string;
  /** The two-letter state. */
  state: string;
  /** The LATA. */
  lata: string;
  /** The ZIP code. */
  zip: string;
  /** Whether it is a toll-free number (8XX area code). */
  tollFree: boolean;
}

interface LocalArea {
  npa: string;
  nxxs: string[];
  perNxx: number;
  rateCenter: string;
  city: string;
  state: string;
  lata: string;
  zips: string[];
}

/**
 * The local areas the emulator sells. 907 is deliberately scarce (exactly 3 numbers) so that shortages,
 * PARTIAL, FAILED and BACKORDERED outcomes can be produced on purpose.
 */
export const LOCAL_AREAS: readonly LocalArea[] = [
  {
    npa: "910",
    nxxs: ["241", "242", "339"],
    perNxx: 200,
    rateCenter: "FAYETTEVL",
    city: "FAYETTEVILLE",
    state: "NC",
    lata: "426",
    zips: ["28301", "28303"],
  },
  {
    npa: "919",
    nxxs: ["230", "238", "460", "555"],
    perNxx: 200,
    rateCenter: "RALEIGH",
    city: "RALEIGH",
    state: "NC",
    lata: "426",
    zips: ["27601", "27603"],
  },
  {
    npa: "919",
    nxxs: ["367", "380"],
    perNxx: 150,
    rateCenter: "CARY",
    city: "CARY",
    state: "NC",
    lata: "426",
    zips: ["27513", "27519"],
  },
  {
    npa: "828",
    nxxs: ["333", "575"],
    perNxx: 150,
    rateCenter: "ASHEVILLE",
    city: "ASHEVILLE",
    state: "NC",
    lata: "428",
    zips: ["28801"],
  },
  {
    npa: "540",
    nxxs: ["227"],
    perNxx: 120,
    rateCenter: "BLACKSBURG",
    city: "BLACKSBURG",
    state: "VA",
    lata: "244",
    zips: ["24060"],
  },
  // the seed guide's search of 540551 finds only 7 numbers
  {
    npa: "540",
    nxxs: ["551"],
    perNxx: 7,
    rateCenter: "BLACKSBURG",
    city: "BLACKSBURG",
    state: "VA",
    lata: "244",
    zips: ["24060"],
  },
  {
    npa: "703",
    nxxs: ["434", "555"],
    perNxx: 150,
    rateCenter: "ARLINGTON",
    city: "ARLINGTON",
    state: "VA",
    lata: "236",
    zips: ["22201", "22203"],
  },
  {
    npa: "617",
    nxxs: ["232", "555", "720"],
    perNxx: 150,
    rateCenter: "BOSTON",
    city: "BOSTON",
    state: "MA",
    lata: "128",
    zips: ["02134", "02108"],
  },
  {
    npa: "415",
    nxxs: ["200", "555"],
    perNxx: 150,
    rateCenter: "SNFC CNTRL",
    city: "SAN FRANCISCO",
    state: "CA",
    lata: "722",
    zips: ["94103"],
  },
  {
    npa: "212",
    nxxs: ["300", "555"],
    perNxx: 150,
    rateCenter: "NWYRCYZN01",
    city: "NEW YORK",
    state: "NY",
    lata: "132",
    zips: ["10001", "10001-1234"],
  },
  {
    npa: "907",
    nxxs: ["201"],
    perNxx: 3,
    rateCenter: "JUNEAU",
    city: "JUNEAU",
    state: "AK",
    lata: "832",
    zips: ["99801"],
  },
];

/** Toll-free NPAs the emulator sells, each with a few exchanges. */
export const TOLL_FREE_NPAS: readonly string[] = ["800", "833", "844", "855", "866", "877", "888"];
const TOLL_FREE_NXXS = ["225", "356", "642"];
const TOLL_FREE_PER_NXX = 40;

/** Numbers that spell words, so vanity searches have something to find (FLOWERS, HOTELS1, CALLNOW). */
const VANITY_NUMBERS = ["8003569377", "8884683571", "8662255669"];

/** mulberry32: a tiny seeded generator so every start yields the same inventory. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lineNumbers(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  while (seen.size < count) {
    seen.add(
      Math.floor(random() * 10000)
        .toString()
        .padStart(4, "0"),
    );
  }
  return [...seen];
}

/**
 * Builds the inventory: the same list, in the same order, on every call.
 * Several thousand local numbers across the areas above plus toll-free numbers.
 */
export function generateInventory(): InventoryNumber[] {
  const numbers: InventoryNumber[] = [];
  const taken = new Set<string>();
  const add = (n: InventoryNumber) => {
    if (taken.has(n.fullNumber)) return;
    taken.add(n.fullNumber);
    numbers.push(n);
  };
  for (const area of LOCAL_AREAS) {
    for (const nxx of area.nxxs) {
      const lines = lineNumbers(Number(area.npa + nxx), area.perNxx);
      lines.forEach((line, i) => {
        add({
          fullNumber: area.npa + nxx + line,
          npa: area.npa,
          nxx,
          rateCenter: area.rateCenter,
          city: area.city,
          state: area.state,
          lata: area.lata,
          zip: area.zips[i % area.zips.length],
          tollFree: false,
        });
      });
    }
  }
  const tollFree = (fullNumber: string): InventoryNumber => ({
    fullNumber,
    npa: fullNumber.slice(0, 3),
    nxx: fullNumber.slice(3, 6),
    rateCenter: "TOLLFREE",
    city: "",
    state: "",
    lata: "",
    zip: "",
    tollFree: true,
  });
  for (const vanity of VANITY_NUMBERS) add(tollFree(vanity));
  for (const npa of TOLL_FREE_NPAS) {
    for (const nxx of TOLL_FREE_NXXS) {
      for (const line of lineNumbers(Number(npa + nxx), TOLL_FREE_PER_NXX)) add(tollFree(npa + nxx + line));
    }
  }
  return numbers;
}

const KEYPAD: Record<string, string> = {
  A: "2",
  B: "2",
  C: "2",
  D: "3",
  E: "3",
  F: "3",
  G: "4",
  H: "4",
  I: "4",
  J: "5",
  K: "5",
  L: "5",
  M: "6",
  N: "6",
  O: "6",
  P: "7",
  Q: "7",
  R: "7",
  S: "7",
  T: "8",
  U: "8",
  V: "8",
  W: "9",
  X: "9",
  Y: "9",
  Z: "9",
};

/** Maps a vanity word to keypad digits ("FLOWERS" → "3569377"); digits pass through. */
export function vanityToDigits(vanity: string): string {
  return [...vanity.toUpperCase()].map((c) => KEYPAD[c] ?? c).join("");
}
