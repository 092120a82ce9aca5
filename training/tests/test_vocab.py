from cxr_train.vocab import VOCAB, map_class, order_classes


def test_vocab_has_the_14_vindr_classes():
    assert len(VOCAB) == 14 and "Nodule/Mass" in VOCAB


def test_public_names_map_to_the_app_vocabulary():
    assert map_class("Mass") == map_class("nodule") == "Nodule/Mass"
    assert map_class("Effusion") == "Pleural effusion"
    assert map_class("Infiltrate") == "Infiltration"
    assert map_class("Fibrosis") == "Pulmonary fibrosis"
    assert map_class("  lung   opacity ") == "Lung Opacity"
    assert map_class("Cardiomegaly") == "Cardiomegaly"


def test_no_finding_is_not_a_box_and_unknown_names_are_kept():
    assert map_class("No finding") is None
    assert map_class("Fracture") == "Fracture"
    assert map_class("Pneumonia") == "Pneumonia"


def test_class_order_is_vocabulary_first_then_unknown_alphabetically():
    assert order_classes({"Fracture", "Pneumothorax", "Atelectasis", "Emphysema"}) == [
        "Atelectasis", "Pneumothorax", "Emphysema", "Fracture"]
