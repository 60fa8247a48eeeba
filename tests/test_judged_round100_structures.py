"""Facts met in judged rounds 100-101, in wordings written for these tests (none copied):
- Spanish photos already sent in the perfect tense ("os hemos mandado las fotos");
- French "delivered" by the carrier's word only, with nothing there ("selon La Poste ... a été livré, mais ...").
"""

from __future__ import annotations

from assistant.facts import extract_facts


def test_photos_sent_in_the_perfect_tense() -> None:
    assert extract_facts("La lámpara llegó rota. Os hemos mandado las fotos esta mañana.").photos_attached
    assert not extract_facts("La lámpara llegó rota. Puedo mandar fotos si las necesitan.").photos_attached


def test_delivered_by_the_carriers_word_only() -> None:
    facts = extract_facts("Selon La Poste, le colis a été livré hier, mais je n'ai rien trouvé chez moi.")
    assert facts.arrival == "never_arrived" and facts.marked_delivered
    assert extract_facts("Le colis a été livré hier, la lampe est cassée.").arrival != "never_arrived"
