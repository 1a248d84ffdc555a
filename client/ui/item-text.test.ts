import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../../shared/content/game-data.ts';
import { compareItem, describeItem, isUpgrade } from './item-text.ts';

const kinds: ItemKind[] = [
  { id: 'club', name: 'Club', type: 'weapon', level: 1, heal: 0, invulnerableSeconds: 0 },
  { id: 'short_sword', name: 'Short sword', type: 'weapon', level: 2, heal: 0, invulnerableSeconds: 0 },
  { id: 'axe', name: "Woodcutter's axe", type: 'weapon', level: 3, heal: 0, invulnerableSeconds: 0 },
  { id: 'tunic', name: 'Tunic', type: 'armor', level: 1, heal: 0, invulnerableSeconds: 0 },
  { id: 'chainmail', name: 'Chainmail', type: 'armor', level: 3, heal: 0, invulnerableSeconds: 0 },
  {
    id: 'small_potion',
    name: 'Small potion',
    type: 'consumable',
    level: 1,
    heal: 40,
    invulnerableSeconds: 0,
  },
  { id: 'ember', name: 'Ember potion', type: 'consumable', level: 1, heal: 0, invulnerableSeconds: 10 },
];
const items = new Map(kinds.map((k) => [k.id, k]));
const kind = (id: string) => items.get(id)!;
const wearer = { level: 4, weapon: 'short_sword', armor: 'chainmail' };

describe('item text', () => {
  it('says what an item is', () => {
    expect(describeItem(kind('axe'))).toBe('Weapon, attack level 3');
    expect(describeItem(kind('tunic'))).toBe('Armor, defence level 1');
    expect(describeItem(kind('small_potion'))).toBe('Potion: heals 40 HP');
    expect(describeItem(kind('ember'))).toBe('Potion: nothing can hurt you for 10 s');
  });

  it('compares gear with what is worn, with the max HP armor changes', () => {
    expect(compareItem(kind('axe'), wearer, items)).toBe('+1 attack level vs your Short sword');
    expect(compareItem(kind('club'), wearer, items)).toBe('−1 attack level vs your Short sword');
    expect(compareItem(kind('short_sword'), wearer, items)).toBe('Same as your Short sword');
    expect(compareItem(kind('tunic'), wearer, items)).toBe('−2 defence level vs your Chainmail (−60 max HP)');
    expect(compareItem(kind('small_potion'), wearer, items)).toBeNull();
  });

  it('knows an upgrade', () => {
    expect(isUpgrade(kind('axe'), wearer, items)).toBe(true);
    expect(isUpgrade(kind('club'), wearer, items)).toBe(false);
    expect(isUpgrade(kind('small_potion'), wearer, items)).toBe(false);
  });
});
