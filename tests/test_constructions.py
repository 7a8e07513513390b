"""Constructions that carry an event's actors: pronouns of reported clauses, whose object it is, phone
calls, and coordinated actors cooperating about a topic. Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def triples(result):
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in result.events}


def named(result):
    return {(e.source.name if e.source else None, e.cameo[:2], e.target.name if e.target else None) for e in result.events}


# "X said it/they would …": the pronoun is the reporting subject, even an actor with no country.
def test_pronoun_of_a_reported_clause_is_the_reporting_subject(code):
    r = code("The rebels said they would free the two hostages.")
    assert {(s, c) for s, c, _ in named(r)} >= {("rebels", "03")}


def test_it_of_a_reported_clause_is_a_singular_subject(code):
    r = code("The union said it will end the strike on Monday.")
    assert ("union", "03", None) in named(r)


def test_he_is_not_a_plural_subject(code):
    # "they" never refers to a single person reporting it
    r = code("The minister said they had attacked the village.")
    assert not any(s == "minister" and c == "19" for s, c, _ in named(r))


# Whose object it is: the possessor or maker of a thing acted on is the target.
def test_possessor_of_the_object_beats_a_phrase_inside_it(code):
    r = code("Angela Merkel welcomed Donald Trump's invitation to Vladimir Putin.", date="2018-07-20")
    assert ("DEUGOV", "051", "USAGOV") in triples(r)


def test_maker_of_the_object_by_a_participle(code):
    r = code("Iran rejected the threats made by the United States.")
    assert any(s == "IRN" and c.startswith("12") and t == "USA" for s, c, t in triples(r))


def test_sender_of_a_request_is_the_target(code):
    r = code("The minister refused to respond to a request from Germany.")
    assert any(c.startswith("12") and t == "DEU" for _, c, t in triples(r))


# "call": a person called to discuss something is a telephone call, "called on" is an appeal.
def test_call_a_person_to_discuss_is_a_phone_call(code):
    r = code("Narendra Modi called Vladimir Putin on Friday to discuss the war.")
    assert ("INDGOV", "041", "RUSGOV") in triples(r)
    assert not any(c.startswith("02") for _, c, _ in triples(r))


def test_called_on_is_still_an_appeal(code):
    r = code("The United Nations on Monday called on Israel to halt the strikes.")
    assert any(c.startswith("02") and t == "ISR" for _, c, t in triples(r))


def test_object_pronoun_is_not_the_clause_doer(code):
    r = code("Benjamin Netanyahu called Scott Morrison on Wednesday to congratulate him.", date="2018-08-25")
    assert ("ISRGOV", "051", "AUSGOV") in triples(r)


# Coordinated actors cooperating about a third party act on each other.
def test_coordinated_agreement_about_a_topic_is_mutual(code):
    r = code("Japan and India agreed to share intelligence on North Korea.")
    got = {(s, t) for s, c, t in triples(r) if c.startswith("03")}
    assert {("JPN", "IND"), ("IND", "JPN")} <= got


def test_coordinated_signing_with_a_third_party_stays_with_it(code):
    r = code("Russia and China signed a deal with Iran.")
    assert ("RUS", "057", "IRN") in triples(r) and ("CHN", "057", "IRN") in triples(r)


def test_coordinated_consultation_is_mutual(code):
    r = code("France and Germany discussed the crisis in Mali.")
    assert {("FRA", "040", "DEU"), ("DEU", "040", "FRA")} <= triples(r)


# A name the parser split into sibling words still acts.
def test_name_split_by_the_parser_is_still_the_subject(code):
    r = code("Omar al-Bashir of Sudan expelled the aid workers.", date="2009-03-05")
    assert any(s == "SDNGOV" and c.startswith("16") for s, c, _ in triples(r))


# A person acted on is the target even when no dictionary knows them (the "@person" word class).
def test_freed_person_is_the_target_by_name(code):
    r = code("Venezuela's government has freed a former presidential candidate.")
    assert ("Venezuela's government", "08", "former presidential candidate") in named(r)


def test_word_class_expands_in_object_lists():
    from accord.vocabulary import VerbDictionary

    v = VerbDictionary.load()
    release = [p for p in v.verbs["release"] if p.code == "0841" and p.objects]
    assert release and all("candidate" in p.objects for p in release)
    assert "candidate" in v.persons and "statement" not in v.persons


def test_unknown_word_class_is_an_error():
    from accord.vocabulary import VerbDictionary

    doc = {"verbs": [{"verb": "free", "code": "0841", "object": ["@nobody"]}]}
    with pytest.raises(ValueError, match="unknown word class"):
        VerbDictionary.build([("test.yaml", doc)])


# Aid and inquiries delivered abroad are done to the country where they happen; at home, to no one.
def test_aid_in_a_place_abroad_is_aid_to_that_country(code):
    r = code("Germany gave 35 million euros to promote private investment in Ethiopia.")
    assert any(s == "DEU" and c.startswith("07") and t == "ETH" for s, c, t in triples(r))


def test_an_inquiry_abroad_is_done_to_that_country(code):
    r = code("The United Nations will investigate attacks on its facilities in northwest Syria.")
    assert any(c.startswith("09") and t == "SYR" for _, c, t in triples(r))


def test_aid_at_home_is_not_done_to_the_home_country(code):
    r = code("Germany gave 35 million euros to refugee shelters in Berlin.")
    assert not any(s == "DEU" and t == "DEU" for s, _, t in triples(r))


# A passive act in an incident: the incident's other side did it.
def test_killed_in_an_encounter_with_forces_were_killed_by_them(code):
    r = code("two naxals were killed in an encounter with security forces in chhattisgarh's sukma district.")
    ev = [e for e in r.events if e.cameo.startswith("18")]
    assert ev and ev[0].source.role == "COP" and ev[0].source.country == "IND" and ev[0].target.role == "REB"


def test_wounded_in_clashes_with_police(code):
    r = code("Three protesters were wounded in clashes with police in Nairobi.")
    assert any(s == "KENCOP" and c.startswith("18") for s, c, _ in triples(r))


def test_clashes_between_two_sides_name_no_single_attacker(code):
    r = code("Ten people were killed in clashes between police and protesters.")
    assert not any(c == "1823" and s is not None for s, c, _ in triples(r))


def test_agreement_to_lift_a_ban_is_done_to_the_banned(code):
    r = code("Bahrain and Kuwait have agreed to lift a ban on imports of Egyptian agricultural products.")
    got = {(s, t) for s, c, t in triples(r) if c.startswith("03")}
    assert ("BHR", "EGY") in got and ("BHR", "KWT") not in got


# A dateline is not part of the first sentence's parse.
def test_dateline_is_its_own_sentence_for_the_parser(code):
    r = code("THE HAGUE, Netherlands -- A United Nations prosecutor has charged a former Rwandan minister with contempt.")
    assert any(s == "IGOUNO" and c.startswith("11") and t == "RWAGOV" for s, c, t in triples(r))


# Received from someone: the giver acts on the receiver.
def test_received_from_is_done_by_the_giver(code):
    r = code("The Syrian army received military aid from Russia.")
    assert ("RUS", "072", "SYRMIL") in triples(r)


def test_faces_criticism_from(code):
    r = code("Iran's government faces widespread international criticism from the United Nations.")
    assert any(s == "IGOUNO" and c.startswith("11") and t == "IRNGOV" for s, c, t in triples(r))


def test_an_invitation_is_an_intent_to_meet(code):
    r = code("Vladimir Putin sent an invitation to Narendra Modi.")
    assert ("RUSGOV", "036", "INDGOV") in triples(r)


def test_acting_on_a_clause_acts_on_its_subject(code):
    r = code("The Pakistani Foreign Office on Thursday welcomed Vladimir Putin to mediate between India and Pakistan.")
    assert any(c.startswith("05") and t == "RUSGOV" for _, c, t in triples(r))


def test_lifting_sanctions_imposed_on_someone_is_done_to_them(code):
    r = code("Japan has decided to lift economic sanctions imposed on India and Pakistan.")
    assert {("JPN", "085", "IND"), ("JPN", "085", "PAK")} <= triples(r)


def test_a_name_led_group_is_that_name_s(code):
    r = code("Russia refused to allow two EU-based airlines to land.")
    assert r.events  # the airlines are the EU's
    r = code("Iran-backed militias attacked a base.")
    assert not any(s and s.startswith("IRN") for s, _, _ in triples(r))


def test_the_acted_on_is_of_the_place_it_is_in(code):
    r = code("The Saudi-led coalition bombed a school in Yemen.")
    assert any(c.startswith("19") and t == "YEMEDU" for _, c, t in triples(r))


def test_a_backer_is_not_the_country_of_what_it_backs(code):
    r = code("Iran-backed Houthi rebels fired missiles at Saudi Arabia.")
    assert any(s == "YEMREB" and c.startswith("19") and t == "SAU" for s, c, t in triples(r))


# A light verb of intent over a noun of disapproval is the disapproval ("=" in a family map).
def test_offered_criticism_is_criticism(code):
    r = code("The European Parliament delegation offered scathing criticism of the Maltese government.")
    assert any(c.startswith("11") and t == "MLTGOV" for _, c, t in triples(r))
    assert not any(c.startswith("03") for _, c, _ in triples(r))


# A nominalisation's object is its "of" phrase.
def test_deployment_of_troops_is_a_deployment(code):
    r = code("Nigeria on Saturday announced the deployment of 230 troops to Liberia.")
    assert ("NGA", "154", "LBR") in triples(r)


# Incidents no one is named in are kept when they have a place: its unidentified actor.
def test_clashes_erupted_in_a_place(code):
    r = code("Clashes erupted between rival groups in Juba.")
    ev = [e for e in r.events if e.cameo.startswith("19")]
    assert ev and ev[0].source.country == "SSD" and ev[0].target is None


def test_an_incident_with_no_place_is_no_event(code):
    assert not code("Clashes erupted.").events


def test_shot_dead_whoever_it_was(code):
    r = code("Unidentified gunmen shot dead a village head in Borno state on Tuesday.")
    assert any(s == "NGAREB" and c == "193" and t == "NGAGOV" for s, c, t in triples(r))


def test_lower_cased_man_is_not_a_city(code):
    r = code("a mob lynched a man suspected of cattle theft in jharkhand.")
    assert any(e.target and e.target.name == "man" for e in r.events)


def test_coordinated_names_before_one_head_are_two_actors(code):
    r = code("UK and EU negotiators have agreed a landmark free trade agreement.")
    got = {(s, t) for s, c, t in triples(r) if c == "057"}
    assert ("GBRGOV", "IGOEUREEC") in got and ("IGOEUREEC", "GBRGOV") in got


def test_violence_with_no_stated_source_against_a_named_victim(code):
    r = code("A roadside bomb in Mogadishu killed Ahmed Hassan, a local journalist.")
    ev = [e for e in r.events if e.cameo.startswith("18")]
    assert ev and ev[0].source.country == "SOM" and ev[0].target.name == "Ahmed Hassan"


def test_coordinated_names_each_have_their_own_name(code):
    r = code("Nigerian and British armed forces have agreed to undertake a joint military exercise.")
    names = {(e.source.name, e.target.name) for e in r.events if e.target}
    assert ("Nigerian armed forces", "British armed forces") in names
    assert all(s != t for s, t in names)


# An attack in words is disapproval; an attack with no such word is force.
def test_a_scathing_attack_is_in_words(code):
    r = code("The opposition leader launched a blistering attack on the government.")
    assert any(c == "111" for _, c, _ in triples(r)) and not any(c.startswith("19") for _, c, _ in triples(r))
    r = code("Rebels launched an attack on the army base.")
    assert any(c.startswith("19") for _, c, _ in triples(r))


def test_a_country_of_two_words_tagged_as_a_person_is_still_the_country(code):
    r = code("The Korean government has agreed to provide Sri Lanka with modern technology.")
    assert any(t == "LKA" for _, _, t in triples(r))


def test_countries_offering_aid_together_do_not_aid_each_other(code):
    r = code("Only three countries, the U.S., Colombia and Venezuela, had offered assistance.")
    assert not any(s and t and s != t for s, _, t in triples(r))


def test_a_participle_used_as_a_preposition_is_no_act(code):
    assert not code("The bank expected positive earnings next year, barring unforeseen circumstances.").events


def test_the_text_s_opposition_title_beats_an_office_held_at_another_time(code):
    r = code("Opposition leader Raila Odinga met President Uhuru Kenyatta in Nairobi.", date=None)
    assert any(e.source.code == "KENOPP" for e in r.events)


def test_peacekeepers_are_not_the_country_they_serve_in(code):
    r = code("The UN Security Council condemned the attack on peacekeepers in Mali.")
    assert not any(t == "MLIMIL" for _, _, t in triples(r))


def test_its_refers_to_a_government_named_by_its_country(code):
    r = code("Iran's government faces widespread criticism from the United Nations over its detention of activists.")
    assert any(s == "IRNGOV" and c == "173" for s, c, _ in triples(r))


def test_a_number_is_never_a_phrase_target(code):
    r = code("The Australian Government provided around 400 million dollars in total aid in 2015-16.")
    assert not any(e.target and any(ch.isdigit() for ch in e.target.name) for e in r.events)


def test_with_after_an_object_of_force_is_the_means(code):
    r = code("The Yemeni army hit military positions in Saudi Arabia's Asir region with a ballistic missile.")
    assert any(s == "YEMMIL" and c.startswith("19") and (t or "").startswith("SAU") for s, c, t in triples(r))
    r = code("Police clashed with protesters in Nairobi.")
    assert any(t == "KENCVL" for _, _, t in triples(r))


# Targets an act reaches through its construction.
def test_a_weapon_is_not_the_attack_s_own_actor(code):
    r = code("Russian forces launched a cruise-missile attack on rebel positions in Syria.")
    assert not any(e.target and "missile" in e.target.name for e in r.events)
    assert any(s == "RUSMIL" and c.startswith("19") and e.target and "rebel" in e.target.name
               for e in r.events for s, c in [(e.source.code, e.cameo)])


def test_a_refusal_until_someone_complies_is_done_to_them(code):
    r = code("The union said it will not end the strike until the government raises wages.")
    assert ("union", "12", "government") in named(r)
    r = code("Joe Biden said he would not lift the sanctions until Venezuela held free elections.", date="2022-06-01")
    assert any(s == "USAGOV" and c.startswith("12") and t == "VEN" for s, c, t in triples(r))
    # the agent of a passive condition: "until our demands are met by the ministry"
    r = code("Nurses said they will not end their strike until their demands are met by the Kenyan government.")
    assert any(c.startswith("12") and t == "KENGOV" for _, c, t in triples(r))


def test_the_subject_of_an_infinitive_clause_is_acted_on(code):
    r = code("Sudan agreed to allow the World Food Programme to deliver aid to Darfur.")
    assert any(s == "SDN" and c.startswith("03") and t and t.startswith("IGO") for s, c, t in triples(r))
    # a reported clause is no such clause: the minister's country is not allowed anything
    r = code("Ethiopia said Kenya would reopen the border.")
    assert not any(s == "ETH" and t == "KEN" for s, _, t in triples(r))


def test_the_owner_of_a_passive_subject_is_the_target(code):
    r = code("Two Greek tankers were seized by the Iranian navy.")
    assert any(s == "IRNMIL" and c.startswith("17") and t == "GRC" for s, c, t in triples(r))


def test_a_thing_attacked_in_a_country_is_that_country(code):
    r = code("Militants attacked a police station in Kandahar.")
    assert any(c.startswith("19") and t in ("AFG", "AFGCOP") for _, c, t in triples(r))


def test_a_protest_names_what_it_protests(code):
    r = code("Opposition parties in Kenya are boycotting the presidential election.")
    assert any(c.startswith("14") and e.target.name == "presidential election" and e.target.code == "KEN"
               for e in r.events for c in [e.cameo] if e.target)
    # the protest itself is never what it protests
    r = code("Teachers in Nairobi started a hunger strike.")
    assert not any(e.target and "strike" in e.target.name for e in r.events)


def test_a_consultation_is_held_with_someone_about_its_object(code):
    r = code("Narendra Modi discussed Afghanistan with Vladimir Putin.", date="2021-09-01")
    assert ("INDGOV", "040", "RUSGOV") in triples(r)


# An agreement reached or agreed is finalised (CAMEO 057, PLOVER SUPPORT); agreeing to do something is an intent.
def test_an_agreement_reached_or_agreed_is_concluded(code):
    assert ("KEN", "057", "UGA") in triples(code("Kenya and Uganda reached a trade agreement."))
    assert ("KEN", "057", "UGA") in triples(code("Kenya and Uganda have agreed a border deal."))
    assert ("KEN", "057", "UGA") in triples(code("Kenya agreed to a trade deal with Uganda."))
    assert not any(c == "057" for _, c, _ in triples(code("Kenya agreed to reopen the border with Uganda.")))
    assert not any(c == "057" for _, c, _ in triples(code("Kenya will agree a deal with Uganda.")))


# The offence an arrest punishes, and an act said to be alleged, are suspicions, not events.
def test_the_offence_of_an_arrest_is_no_event(code):
    r = code("Indian police arrested a man for allegedly killing his wife.")
    assert {c[:2] for _, c, _ in triples(r)} == {"17"}
    r = code("Iran jailed a journalist for spying for Israel.")
    assert not any(t == "ISR" for _, _, t in triples(r))
    # the main act, even reported as alleged, is still coded
    r = code("The Nigerian army allegedly killed 12 civilians in the village.")
    assert any(c.startswith(("18", "19")) for _, c, _ in triples(r))


# Fighting a scourge is a policy, not a use of force.
def test_fighting_a_scourge_is_no_use_of_force(code):
    for text in ("Germany announced new funding to fight the Ebola epidemic in West Africa.",
                 "The president declared a war on drugs.", "Kenya vowed to fight corruption."):
        assert not any(c[:2] in ("13", "17", "18", "19", "20") for _, c, _ in triples(code(text))), text
    assert any(c.startswith("13") for _, c, _ in triples(code("Kenya vowed to fight the rebels.")))


# A verb that voices its object ("expressed support") makes the object's owner the doer's side.
def test_the_owner_of_voiced_support_is_the_doer_s_side(code):
    r = code("Vladimir Putin expressed Russia's support for Bashar al-Assad.", date="2019-01-01")
    assert ("RUSGOV", "051", "SYRGOV") in triples(r)
    assert not any(t == "RUS" for _, _, t in triples(r))
    # an act on someone's thing still acts on its owner
    assert any(t == "SAU" for _, c, t in triples(code("Iran rejected Saudi Arabia's proposal.")) if c.startswith("12"))


# Failing to come to an agreement is a rejection; failing at anything else is only an act that did not happen.
def test_failing_to_reach_an_agreement_is_a_rejection(code):
    r = code("Kenya and Uganda failed to reach agreement on the border.")
    assert {("KEN", "UGA"), ("UGA", "KEN")} <= {(s, t) for s, c, t in triples(r) if c.startswith("12")}
    assert not code("Kenya failed to arrest the suspects.").events
    assert not code("Kenya did not fail to reach a deal with Uganda.").events


def test_a_phrasal_control_word_is_no_appeal(code):
    r = code("Russia called off talks with Ukraine.")
    assert ("RUS", "164", "UKR") in triples(r)
    assert not any(c.startswith("02") for _, c, _ in triples(r))


# Business wire furniture that looks like an act.
def test_a_headline_verb_needs_words_after_it(code):
    assert not code("NOTE: U.S. funds.").events
    assert any(c == "081" for _, c, _ in triples(code("U.S. lifts travel ban to Lebanon")))


def test_a_press_release_releases_no_one(code):
    assert not code("The figures were issued in a press release by the Mexican state oil company.").events


# "found X guilty of …": the finding is the act (116), done to X; what X is found guilty of is not coded.
def test_found_guilty_is_done_to_the_one_found_guilty(code):
    r = code("A Kenyan court found the former governor guilty of stealing public funds.")
    assert any(s == "KENJUD" and c == "116" and e.target and "governor" in e.target.name
               for e in r.events for s, c in [(e.source.code, e.cameo)])
    r = code("A court in Washington found the Syrian government guilty of killing the journalist.")
    assert not any(c.startswith("18") for _, c, _ in triples(r))


# A document says what its issuer says.
def test_a_document_s_participle_is_its_issuer_s_act(code):
    r = code("Kenya's parliament passed a resolution criticizing President Uhuru Kenyatta.", date="2019-06-10")
    assert ("KENLEG", "111", "KENGOV") in triples(r)
    r = code("Human Rights Watch issued a report accusing the Ethiopian army of torture.")
    assert any(c.startswith("11") and t == "ETHMIL" for _, c, t in triples(r))
    # finding a letter is not issuing it
    assert not any(s for s, c, _ in triples(code("Kenyan police found a letter threatening the mayor.")) if c.startswith("13"))


def test_a_state_s_own_intelligence_is_what_it_shares(code):
    assert ("GBR", "064", "UKR") in triples(code("Britain provided intelligence to Ukraine."))


def test_a_thing_given_back_goes_to_its_recipient(code):
    r = code("Canada returned the looted statues to their owners.")
    assert any(e.target and e.target.name.endswith("owners") for e in r.events)


def test_parties_failing_to_reach_a_deal_on_a_topic_fail_with_each_other(code):
    r = code("Serbian and EU negotiators failed to reach a deal on the Kosovo border.")
    assert {("SRBGOV", "IGOEUREEC"), ("IGOEUREEC", "SRBGOV")} <= {(s, t) for s, c, t in triples(r) if c.startswith("12")}


def test_an_act_named_as_not_yet_happened_is_no_event(code):
    assert not code("At Opec's next meeting in Vienna, members will face a choice.").events
    assert any(c == "040" for _, c, _ in triples(code("Opec held a meeting with Russia in Vienna.")))


def test_a_mislemmatised_verb_is_read_by_its_form(code):
    # the lemmatizer reads "raped" as "rap" (which would be "rapped"): not a criticism
    r = code("Soldiers raped women in the village.")
    assert not any(c.startswith("11") for _, c, _ in triples(r))
    assert any(c.startswith("18") for _, c, _ in triples(r))


# Criminal cases in South Asian usage: "registered a case against", "lodged an FIR against", "booked X for".
def test_a_police_case_against_someone_is_an_accusation(code):
    assert any(c == "115" and t == "INDGOV" for _, c, t in triples(code("The CBI registered a case against the former minister.")))
    r = code("Police lodged an FIR against the MLA.")
    assert any(c == "115" and e.target and e.target.name == "MLA" for e in r.events for c in [e.cameo])
    assert any(c == "112" for _, c, _ in triples(code("Police booked five people for rioting.")))
    assert not code("She booked a flight to Delhi.").events


# Who did the harm when no subject names an actor: the weapon's or attack's owner, the doer of the act it happened in.
def test_a_weapon_s_owner_is_the_source(code):
    r = code("Russian air strikes killed 12 civilians in Idlib.")
    assert all(s == "RUS" for s, c, _ in triples(r) if c.startswith(("18", "19")))


def test_a_passive_harm_is_done_by_the_doer_of_the_act_it_happened_in(code):
    r = code("Two jawans were killed when Naxalites triggered an IED blast in Dantewada.")
    assert any(s == "INDREB" and c.startswith(("18", "19")) and t == "INDMIL" for s, c, t in triples(r))
    # a bomb alone names no one
    r = code("Three soldiers were killed when a roadside bomb exploded.")
    assert all(e.source is None or e.source.name.startswith("unidentified") for e in r.events)


def test_armed_forces_hitting_anything_use_force_but_not_on_a_figure(code):
    assert any(s == "ISRMIL" and c == "190" and t == "PSE" for s, c, t in triples(code("Israeli jets hit a house in Gaza.")))
    assert not code("A storm hit the city.").events
    assert not code("The Kenyan army hit its recruitment goal.").events


def test_an_assassination_tried_is_an_attempt_and_one_foiled_is_none(code):
    assert any(c == "185" for _, c, _ in triples(code("Rebels tried to assassinate the governor of Kandahar.")))
    assert not any(c.startswith("18") for _, c, _ in triples(code("Police foiled a plot by militants to assassinate the prime minister.")))


# A past participle opening a clause of its own is done to the main clause's subject.
def test_a_participle_clause_is_done_to_the_main_subject(code):
    r = code("Arrested in 2017 by Turkish police, the journalist was freed on Monday.")
    assert any(s == "TURCOP" and c == "173" and e.target and e.target.name == "journalist"
               for e in r.events for s, c in [(e.source.code, e.cameo)])
    r = code("The Hague was the first Dutch city to start a commercial paper program, allowed on the Dutch markets since 1986.")
    assert not r.events


def test_only_political_parties_reject_by_failing_to_agree(code):
    assert not code("Five leading German economic research institutes failed to agree about the forecast.").events


def test_a_claimed_attack_is_the_claimer_s(code):
    r = code("At least 26 people were killed after an al-Shabaab-claimed car bomb struck a bus in Mogadishu.")
    assert any(e.source and "Shabaab" in e.source.name and e.cameo.startswith(("18", "19")) for e in r.events)


def test_a_person_harmed_in_a_place_is_one_of_its_people(code):
    r = code("Egyptian guards beat a 40-year-old prisoner to death in northern Egypt.")
    assert any(c.startswith("18") and e.target and e.target.code == "EGYCVL" and "prisoner" in e.target.name
               for e in r.events for c in [e.cameo])


def test_craft_or_people_forced_by_arms_are_coerced(code):
    r = code("Turkish fighter jets forced a Syrian passenger plane to land in Ankara.")
    assert any(s == "TURMIL" and c == "170" and t == "SYR" for s, c, t in triples(r))
    assert not code("The rain forced the organisers to cancel the match.").events


def test_a_threat_is_made_to_whoever_must_comply_however_deep_the_condition(code):
    r = code("Iran threatened to quit the talks on its nuclear programme if Germany imposed new sanctions.")
    assert any(s == "IRN" and c.startswith("13") and t == "DEU" for s, c, t in triples(r))


def test_a_complaint_is_about_the_one_complained_of(code):
    r = code("Syria complained to the United Nations over Turkish air strikes.")
    assert any(s == "SYR" and c.startswith("11") and t == "TUR" for s, c, t in triples(r))
    assert any(t == "UGA" for _, c, t in triples(code("Kenya complained to Uganda about the border closure.")))


# "pulled out of": the parser makes the particle a preposition with "of" under it.
def test_pulling_out_of_talks_or_a_country(code):
    r = code("The rebels walked out of the negotiations with Kenya.")
    assert any(c == "164" and t == "KEN" for _, c, t in triples(r))
    r = code("Russian troops pulled out of Syria.")
    assert any(s == "RUSMIL" and c.startswith("087") and t == "SYR" for s, c, t in triples(r))


def test_a_conditional_participle_is_no_act(code):
    assert not code("If approved by the Kenyan parliament, the bill would raise taxes.").events


# An arrest no one is named for is made by the force that reports it; anyone else who reports it is no arrester.
def test_the_police_reporting_an_arrest_made_it(code):
    r = code("Four smugglers were arrested near the port on Friday, police said.")
    assert ("police", "17", "Four smugglers") in named(r)


def test_an_army_quoted_with_according_to_made_the_detention(code):
    r = code("Two gunmen were detained at a checkpoint overnight, according to the army.")
    assert ("army", "17", "Two gunmen") in named(r)


def test_a_lawyer_reporting_an_arrest_did_not_make_it(code):
    r = code("Three journalists were detained in the capital, their lawyer said.")
    assert all(s is None for s, c, _ in named(r) if c == "17")


# A headline's present tense is a main clause, not the subjunctive of a demand.
def test_a_headline_in_the_present_is_an_act(code):
    r = code("Cops arrest man in Nagpur")
    assert any(c == "17" and s == "Cops" for s, c, _ in named(r))


def test_a_base_form_after_a_demand_is_still_only_demanded(code):
    r = code("The strikers demanded that the company dismiss its manager.")
    assert not any(c == "17" for _, c, _ in named(r))


# What the one arrested is arrested for is their suspected act, neither the arrester's nor a done act.
def test_the_offence_of_a_person_arrested_is_no_act(code):
    r = code("Cops arrest man for stabbing neighbour in Lucknow")
    assert any(s == "Cops" and c == "17" for s, c, _ in named(r))
    assert not any(c in ("18", "19") for _, c, _ in named(r))


# Incidents: who fought whom, and who was behind the harm.
def test_clashes_that_erupted_between_two_sides_are_their_fight(code):
    r = code("Clashes erupted between police and farmers in Lahore on Sunday.")
    assert {("police", "19", "farmers"), ("farmers", "19", "police")} <= named(r)


def test_a_gerund_subject_is_the_incident_it_names(code):
    r = code("Fighting between the army and separatists killed nine people in Donetsk.")
    assert ("army", "19", "separatists") in named(r)


def test_the_doer_of_an_attack_by_someone_did_its_harm(code):
    r = code("An attack by Taliban fighters killed eleven policemen in Ghazni.")
    assert any(s == "Taliban fighters" and c in ("18", "19") and t == "eleven policemen" for s, c, t in named(r))


def test_a_victim_with_no_code_is_not_merged_with_no_target(code):
    r = code("A raid by al-Shabaab gunmen killed four herders.")
    assert any(t == "four herders" for _, c, t in named(r) if c in ("18", "19"))


# A group name several countries' groups bear is the one of the country the text names, by its places too.
def test_maoist_rebels_in_an_indian_district_are_indias(code):
    r = code("Maoist rebels ambushed a police patrol in Dantewada district.")
    assert any(e.source and e.source.code == "INDREB" for e in r.events)


def test_a_partys_name_before_rebels_is_its_armed_wing(code):
    r = code("Maoist rebels bombed a bridge in eastern Nepal.", date="2024-03-02")
    assert any(e.source and e.source.code == "NPLREB" for e in r.events)


# Hyphenated titles: "vice-president" is one word, whose clause it is; "attorney-general" is no general.
def test_a_hyphenated_vice_title_is_the_subject(code):
    r = code("Ghana's vice-president declined to step down.")
    assert any(e.source and e.source.code == "GHAGOV" and e.cameo.startswith("12") for e in r.events)


def test_an_attorney_general_is_not_the_army(code):
    r = code("Kenya's attorney-general charged two governors with fraud.")
    assert any(e.source and e.source.role == "JUD" for e in r.events)
    assert not any(e.source and e.source.role == "MIL" for e in r.events)


def test_the_tokenizer_keeps_vice_titles_whole(code):
    from accord.nlp import load_model

    assert [t.text for t in load_model()("The Vice-President and two vice-chairmen")] == \
        ["The", "Vice-President", "and", "two", "vice-chairmen"]


# Who is asked: the subject of a that-clause a demand or appeal is made in, not a question's.
def test_a_demand_that_someone_resign_is_made_of_them(code):
    r = code("The opposition demanded that the interior minister resign.")  # "resign" tagged a noun
    assert any(c == "10" and t == "interior minister" for _, c, t in named(r))


def test_a_question_whether_someone_will_act_asks_nothing_of_them(code):
    r = code("Asked whether the union would strike, the minister said the union had not decided.")
    assert not any(c == "02" and t == "union" for _, c, t in named(r))


# A partner hung on the act's object beats coordinated subjects acting on each other.
def test_talks_with_a_partner_on_the_object_are_with_the_partner(code):
    r = code("Blinken and other American officials held talks in Cairo with President Sisi.", date="2023-01-30")
    assert any(s == "Antony Blinken" and c == "04" and t == "Sisi" for s, c, t in named(r)) or \
        any(c == "04" and t and "Sisi" in t for _, c, t in named(r))
    assert not any(c == "04" and s and t and "Blinken" in t for s, c, t in named(r))


# A show of force is aimed at whom the forces are readied against, never at the forces readied.
def test_forces_put_on_alert_are_the_doers_means_and_the_purpose_names_the_target(code):
    r = code("The Pentagon placed an airborne brigade in Germany on alert to fly into Kosovo if needed.")
    assert {(e.source.code, e.cameo[:2], e.target.code) for e in r.events if e.source and e.target} == {("USAMIL", "15", "XKX")}


def test_own_troops_on_alert_are_no_target(code):
    r = code("Pakistan put its troops on high alert.")
    assert all(e.target is None for e in r.events if e.cameo[:2] == "15")


# "re-" verbs are one word, the act done again: split, "re" was the sentence's verb.
def test_a_re_verb_is_the_act_done_again(code):
    r = code("Police re-arrested the opposition leader hours after his release.")
    assert any(s == "Police" and c == "17" for s, c, _ in named(r))


def test_the_tokenizer_keeps_re_verbs_whole(code):
    from accord.nlp import load_model

    assert [t.text for t in load_model()("She was re-elected.")] == ["She", "was", "re-elected", "."]


# Which pattern fits: a modifier names the act's manner, a two-sided act before a noun names a thing.
def test_war_games_are_exercises_not_a_war(code):
    r = code("Greece and France launched war games in the Aegean.")
    assert {c[:2] for _, c, _ in named(r)} == {"06"}


def test_cyber_attacks_stay_coercion(code):
    r = code("Russia launched cyber attacks on Estonia.")
    assert any(c == "17" for _, c, _ in named(r))


def test_the_direct_object_beats_a_noun_of_a_phrase(code):
    r = code("About 900 dockers stopped work in a strike for higher pay.")
    assert any(c == "14" for _, c, _ in named(r)) and not any(c == "17" for _, c, _ in named(r))
