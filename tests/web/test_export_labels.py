"""Issue 15, item 16: exports give labels in the reader's language beside the codes."""
import csv
import io

from factories import make_org, make_participant, make_user, make_workpost


def test_the_participants_export_and_the_placements_csv_carry_labels(client, login,
                                                                      db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    person = make_participant(db_session, org, reference="EXP-2", travel_modes=["bike"],
                              interests=["kitchen"])
    workpost = make_workpost(db_session)
    db_session.commit()
    login(user)
    client.post(f"/werkruimte/deelnemers/{person.id}/shortlist", data={"workpost_id": workpost.id})
    data = client.get(f"/werkruimte/deelnemers/{person.id}/gegevens.json").get_json()
    profile = data["participant"]
    assert profile["travel_modes"] == ["bike"] and profile["travel_modes_labels"] == [
        "Met de fiets"]
    assert profile["interests"] == ["kitchen"] and profile["interests_labels"] == ["Keuken"]
    assert data["placements"][0]["status_label"] == "Op de shortlist"
    rows = list(csv.reader(io.StringIO(
        client.get("/werkruimte/plaatsingen.csv").get_data(as_text=True).lstrip("\ufeff")),
        delimiter=";"))
    header, row = rows[0], rows[1]
    assert row[header.index("stap")] == "shortlisted"
    assert row[header.index("stap_label")] == "Op de shortlist"
    client.get("/taal/en")
    english = client.get(f"/werkruimte/deelnemers/{person.id}/gegevens.json").get_json()
    assert english["participant"]["travel_modes_labels"] == ["By bike"]
