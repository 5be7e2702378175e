import { describe, expect, it } from "vitest";
import { type FarmIdentity, REDACTED, redactAnswers, redactIdentity } from "./redaction.ts";

const LINDE: FarmIdentity = {
  name: "Hoeve De Linde",
  herdNumber: "BE10000001-0101",
  province: "West-Vlaanderen",
};
const BOIS: FarmIdentity = { name: "Ferme du Bois Joli", herdNumber: "BE20000002-0101", province: "Liège" };
const redact = (text: string, identity = LINDE) => redactIdentity(text, identity, "K7QZ");

describe("redactIdentity", () => {
  it("replaces the name by the pseudonym, whatever its case and spacing", () => {
    expect(redact("Energy audit of Hoeve De Linde, 2025")).toBe("Energy audit of K7QZ, 2025");
    expect(redact("HOEVE DE LINDE")).toBe("K7QZ");
    expect(redact("hoeve-de-linde.pdf")).toBe("K7QZ.pdf");
    expect(redact("HoeveDeLinde")).toBe("K7QZ");
  });

  it("hides the name without the word that opens it", () => {
    expect(redact("Plan 'De Linde' (2024)")).toBe("Plan 'K7QZ' (2024)");
    expect(redact("Bois Joli, rapport énergie", BOIS)).toBe("K7QZ, rapport énergie");
    expect(redact("de linde and Linde's plan")).toBe("K7QZ and K7QZ's plan");
  });

  it("ignores accents on either side", () => {
    const accented: FarmIdentity = { name: "Ferme de la Côte", herdNumber: "BE3", province: "Namur" };
    expect(redact("audit ferme de la cote", accented)).toBe("audit K7QZ");
    expect(redact("FERME DE LA CÔTE", accented)).toBe("K7QZ");
    expect(redact("ferme du bois jolí", BOIS)).toBe("K7QZ");
  });

  it("hides the herd number with any punctuation, spacing or case, with or without its country letters", () => {
    for (const written of [
      "BE10000001-0101",
      "be10000001-0101",
      "BE 10000001 0101",
      "BE10000001/0101",
      "be.1000.0001.0101",
      "BE100000010101",
      "10000001-0101",
    ])
      expect(redact(`beslag ${written} ok`), written).toBe(`beslag ${REDACTED} ok`);
    expect(redact("Sanitel 10000001")).toBe(`Sanitel ${REDACTED}`);
  });

  it("leaves other numbers and words alone", () => {
    expect(redact("10000002-0101 and 0101 and 1000")).toBe("10000002-0101 and 0101 and 1000");
    expect(redact("Lindeboom and Vlaanderen")).toBe("Lindeboom and Vlaanderen");
    expect(redact("")).toBe("");
  });

  it("hides the province in any of the four languages, and words that start with it", () => {
    expect(redact("Melkerij in West-Vlaanderen")).toBe(`Melkerij in ${REDACTED}`);
    expect(redact("west vlaanderen")).toBe(REDACTED);
    expect(redact("Flandre occidentale / West Flanders")).toBe(`${REDACTED} / ${REDACTED}`);
    expect(redact("laiterie liégeoise à Luik", BOIS)).toBe(`laiterie ${REDACTED}oise à ${REDACTED}`);
    expect(redact("LUTTICH", BOIS)).toBe(REDACTED);
  });

  it("hides a province the table does not know, and one with a qualifier", () => {
    const border: FarmIdentity = { name: "Hof Zuid", herdNumber: "NL123456", province: "Limburg (NL)" };
    expect(redact("Boer uit Limburg", border)).toBe(`Boer uit ${REDACTED}`);
    expect(redact("Limbourg", border)).toBe(REDACTED);
    const unknown: FarmIdentity = { name: "Farm X", herdNumber: "X1", province: "Atlantis" };
    expect(redact("near atlantis", unknown)).toBe(`near ${REDACTED}`);
  });

  it("keeps the text around a match exactly as typed, accents included", () => {
    expect(redact("Café Hoeve De Linde — Brügge")).toBe("Café K7QZ — Brügge");
  });
});

describe("redactAnswers", () => {
  it("redacts every string of nested answers, and a number that spells the herd number", () => {
    const data = {
      evidence_energy: "Audit Hoeve De Linde BE10000001-0101",
      herd: 10000001,
      cows: 120,
      matrix: [{ note: "in West-Vlaanderen", yes: true }],
      choice: ["solar", "wind"],
    };
    expect(redactAnswers(data, LINDE, "K7QZ")).toEqual({
      evidence_energy: `Audit K7QZ ${REDACTED}`,
      herd: REDACTED,
      cows: 120,
      matrix: [{ note: `in ${REDACTED}`, yes: true }],
      choice: ["solar", "wind"],
    });
  });
});
