// Rule adverb-in-phrase (quantities/noun-phrase.ts): a word in -ly inside what a figure counts ("13
// fully loaded magazines", "10 elderly residents") no longer ends the count. Real ECB+ sentences
// (12_12ecb / 12_1ecb): one seizure from the same pirates, inventoried by two outlets.
import { describe, expect, it } from 'vitest';
import { conflictFigures, quantities } from '../helpers/core';

describe('adverb-in-phrase', () => {
  it('reads "13 fully loaded magazines" as 13 loaded magazines', () => {
    const [q] = quantities('Police seized 13 fully loaded magazines of ammunition.');
    expect(q).toMatchObject({ text: '13 fully loaded magazines', unit: 'magazine', value: 13 });
    expect(q?.modifiers).toEqual(['loaded']);
  });

  it('reads an adjective in -ly as a modifier of the thing counted', () => {
    expect(quantities('There were three deadly attacks in May.').map((q) => q.text)).toEqual([
      'three deadly attacks',
    ]);
  });

  it('still ends the count at an adverb of the verb', () => {
    expect(quantities('The quake killed 12 instantly in the village.').map((q) => q.text)).toEqual(['12']);
  });

  it('sets two other rifles against three other rifles of one inventory told alike (whole reports)', () => {
    expect(conflictFigures(REPORT_12_12ECB, REPORT_12_1ECB)).toEqual([
      ['two other rifles', 'three other automatic rifles'],
    ]);
  });
});

// The two whole reports (ECB+ 12_12ecb and 12_1ecb, title and text): between whole reports a name inside a
// figure ("AK-47") anchors nothing, so the inventories meet only through the figures they state alike.
const REPORT_12_12ECB =
  "In another successful anti-piracy operation, Navy warship on Saturday repulsed an attack on a merchant vessel in the Gulf of Aden and nabbed 23 Somali and Yemeni sea brigands, in a show of resolve to weed out the menace that affected maritime trade in the region.\nThe pirates on two speed boats had surrounded the merchant vessel flying the Ethiopian flag around noon, when INS Mysore warship intervened and warded off the attack, Navy spokesperson said. The pirates had fired at the merchant vessel with their small arms, when it sent out a rescue call and the Indian warship, which was sailing nearby moved its Marine Commandos on a helicopter to help the distressed cargo vessel, he said. The attack took place about 150 nautical miles off Aden and INS Mysore was about 13 nautical miles away from the merchant vessel when it picked up the SOS call. The Navy flew its Marine Commandos on helicopters to the scene of the pirate attack and rescued the ship. MV Gibe was later escorted to safety, he added. The Naval commandos also boarded the pirates' boats and seized seven AK-47 assault rifles, two other rifles, a grenade launcher and 13 fully loaded magazines of ammunition from the 12 Somali and 11 Yemeni pirates on board the two pirate boats. Further search for other pirates, who fled from the spot following the Indian Naval intervention, was in progress, the spokesperson said. Last month, Navy warship INS Tabar, a missile-frigate, had sunk a mother ship of the pirates and had also rescued two merchant vessels that were under attack from the sea brigands. After the successful counter attack on the pirates, INS Mysore later escorted MV Gibe to safety, the Navy spokesperson said. It also launched further search for some of the pirates who escaped after the launch of the marine commando operation. Indian Navy has also sought assistance from warships of other countries deployed on anti-piracy patrols in the Gulf of Aden to catch the runaway brigands, he said. New Delhi had taken a serious view of piracy-related incidents in the Gulf of Aden, the primary sea lane for global maritime trade to and fro oil-rich West Asia, following the abduction of MV Stolt Valor, which had 18 Indian sailors on board, by Somali pirates from the region on September 15, 2008. On October 23, India gave a go-ahead to the Navy's request for a pro-active approach to counter the outlaws operating with audacity in the region along the Horn of Africa. The Navy rushed its stealth frigate INS Tabar, which was already deployed nearby to Gulf of Aden on November 2 and since then it rescued an Indian vessel MV Jag Arnav and a Saudi cargo ship on November 11 and also sunk a pirate `mother ship' on November 19. The 'first kill', as Navy Chief Admiral Sureesh Mehta had later described the sinking, turned out to be a Thai fishing trawler under the pirates' control carrying a lot of ammunition and it went up in flames after INS Tabar fired at it in retaliation.";
const REPORT_12_1ECB =
  'The Indian Navy on Saturday prevented pirates from attacking a merchant vessel flying an Ethiopian flag in the Gulf of Aden and took 23 into custody.\nResponding to a distress call by MV Gibe, INS Mysore on anti-piracy patrol in the area, swung into action against the pirates in two boats, a Defence Ministry release said. The apprehended included 12 Somalis and 11 Yemenis. Seven AK-47s, three other automatic rifles, 13 loaded magazines, a rocket-propelled grenade-launcher, rockets, cartridges and grenades were found in the boats. There were also three outboard motors and a global positioning system receiver. The personnel, arms, ammunition and equipment would be handed over to appropriate authorities ashore. The Ministry said MV Gibe put out a message at 1100 hours that it was under attack from two boats closing in on it and firing small arms. The merchant vessel retaliated with small arms onboard. The warship some 13 nautical miles away, altered course and launched its integral armed helicopter. On sighting the warship and the helicopter, the pirates attempted to escape. INS Mysore closed in and ordered them to stop. The larger boat, a dhow was identified as Salahuddin, with the second smaller boat in tow. Marine commandos boarded the dhow at 1230 hours and apprehended the pirates and recovered the arms, ammunition and equipment. PTI reports: Last month, Navy warship INS Tabar, a missile-frigate, had sunk a mother ship of the pirates and had also rescued two merchant vessels under attack. On November 19, INS Tabar sunk a fishing trawler that was under the control of pirates, in a third successive strike since its deployment on November 2 this year.';
