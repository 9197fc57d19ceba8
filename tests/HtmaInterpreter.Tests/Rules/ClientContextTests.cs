using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Rules;

public class ClientContextTests
{
    [Test]
    public void Reads_a_yaml_context_and_normalises_words()
    {
        var result = ClientContextReader.Parse("""
            sex: F
            age: 52
            symptoms: [leg cramps, Night-Cramps, exercise_cramps]
            conditions: []
            lifestyle: long_sitting
            """, "client.yaml");

        result.Diagnostics.Should().BeEmpty();
        var context = result.Value!;
        context.Sex.Should().Be(Sex.Female);
        context.AgeYears.Should().Be(52);
        context.Symptoms.Should().BeEquivalentTo("leg_cramps", "night_cramps", "exercise_cramps");
        context.Conditions.Should().BeEmpty("stated as none");
        context.Lifestyle.Should().BeEquivalentTo("long_sitting");
        context.Diet.Should().BeNull("not stated");
    }

    [Test]
    public void Reads_a_json_context()
    {
        var result = ClientContextReader.Parse("""
            {
            	"sex": "male",
            	"age": 61,
            	"diet": ["much_sugar", "phosphoric_acid_soft_drinks"]
            }
            """, "client.json");

        result.Diagnostics.Should().BeEmpty();
        result.Value!.Sex.Should().Be(Sex.Male);
        result.Value.Diet.Should().BeEquivalentTo("much_sugar", "phosphoric_acid_soft_drinks");
    }

    [Test]
    public void Unknown_keys_and_values_are_located_diagnostics_and_the_rest_is_kept()
    {
        var result = ClientContextReader.Parse("sex: female\nsymtoms: [leg_cramps]\nsymptoms: [leg_cramps, headache]\nage: old\nsex2: f\n", "client.yaml");

        result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).Should().Equal(
            (DiagnosticCodes.UnknownContextKey, 2, 1),
            (DiagnosticCodes.UnknownContextValue, 3, 24),
            (DiagnosticCodes.InvalidContextValue, 4, 6),
            (DiagnosticCodes.UnknownContextKey, 5, 1));
        result.Diagnostics[1].Message.Should().Contain("headache").And.Contain("restless_legs");
        result.Value!.Symptoms.Should().BeEquivalentTo("leg_cramps");
        result.Value.Sex.Should().Be(Sex.Female);
        result.Value.AgeYears.Should().BeNull();
    }

    [Test]
    public void Malformed_context_files_are_reported_not_thrown()
    {
        var result = ClientContextReader.Parse("symptoms: [leg_cramps\n", "client.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ContextUnreadable);
        result.Value.Should().BeNull();
        ClientContextReader.ReadFile("/no/such/file.yaml").Diagnostics.Single().Code.Should().Be(DiagnosticCodes.ContextUnreadable);
    }

    [Test]
    public void Builds_a_context_from_command_line_flags()
    {
        var result = ClientContextReader.FromArguments(["sex=male", "age=45", "symptoms=leg_cramps,restless_legs", "symptoms=night_cramps", "mood=bad", "conditions"]);

        result.Value!.Sex.Should().Be(Sex.Male);
        result.Value.AgeYears.Should().Be(45);
        result.Value.Symptoms.Should().BeEquivalentTo("leg_cramps", "restless_legs", "night_cramps");
        result.Diagnostics.Select(d => (d.Code, d.Location.Field)).Should().Equal(
            (DiagnosticCodes.UnknownContextKey, "argument 5: mood"),
            (DiagnosticCodes.InvalidContextValue, "argument 6"));
    }
}
