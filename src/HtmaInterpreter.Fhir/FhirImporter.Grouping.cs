using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using Element = HtmaInterpreter.Panels.Element;

namespace HtmaInterpreter.Fhir;

public static partial class FhirImporter
{
    /// <summary>Loose Observations into panels: by subject and date; references and dates.</summary>
    private sealed partial class Reader
    {
        /// <summary>
        /// Observations no report names, one group per subject and effective date (one panel each), in file order. One
        /// that names no subject or no date joins the group it can only belong to; when the others belong to more than one
        /// person or date it cannot be placed, and is reported instead of being read into someone else's panel.
        /// </summary>
        private List<List<(Observation Observation, string Path)>> GroupLoose(
            List<(Observation Observation, string Path)> loose,
            Dictionary<string, (Resource Resource, string Path)> byReference)
        {
            var keyed = loose.Select(o => (Item: o, Subject: SubjectKey(o.Observation.Subject, byReference), Date: DateOf(o.Observation.Effective))).ToList();

            // Who and when each Observation could belong with, gathered once (a file may hold many thousands).
            var allSubjects = new HashSet<string>(StringComparer.Ordinal);
            var undatedSubjects = new HashSet<string>(StringComparer.Ordinal);
            var subjectsByDate = new Dictionary<DateOnly, HashSet<string>>();
            var allDates = new HashSet<DateOnly>();
            var unassignedDates = new HashSet<DateOnly>();
            var datesBySubject = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
            foreach (var (_, subject, date) in keyed)
            {
                if (subject is not null)
                {
                    allSubjects.Add(subject);
                    (date is { } d ? Bucket(subjectsByDate, d, () => new HashSet<string>(StringComparer.Ordinal)) : undatedSubjects).Add(subject);
                }

                if (date is { } day)
                {
                    allDates.Add(day);
                    (subject is not null ? Bucket(datesBySubject, subject, () => []) : unassignedDates).Add(day);
                }
            }

            var groups = new List<List<(Observation, string)>>();
            var groupIndex = new Dictionary<(string?, DateOnly?), int>();
            foreach (var (item, subject, date) in keyed)
            {
                // The subjects it could belong with are those of the same date (all, without a date); the dates, those of its subject.
                var subjects = date is { } d ? [.. subjectsByDate.GetValueOrDefault(d) ?? [], .. undatedSubjects] : allSubjects;
                var placedSubject = subject ?? Single(subjects);
                var dates = placedSubject is null ? allDates : [.. datesBySubject.GetValueOrDefault(placedSubject) ?? [], .. unassignedDates];
                var placedDate = date ?? (dates.Count == 1 ? dates.First() : null);
                var missing = subject is null && subjects.Count > 1 ? ("subject", "person") : date is null && dates.Count > 1 ? ("effective date", "date") : default((string, string)?);
                if (missing is { } what)
                {
                    diagnostics.Add(Diagnostic.Error(FhirDiagnosticCodes.UngroupedObservation,
                        $"This Observation is in no report and names no {what.Item1}, while the file's other such Observations it could belong with are of more than one {what.Item2}; it cannot be placed in a panel and is not read.",
                        Location(item.Path)));
                    continue;
                }

                if (groupIndex.TryGetValue((placedSubject, placedDate), out var index))
                {
                    groups[index].Add(item);
                }
                else
                {
                    groupIndex[(placedSubject, placedDate)] = groups.Count;
                    groups.Add([item]);
                }
            }

            return groups;
        }

        private static TValue Bucket<TKey, TValue>(Dictionary<TKey, TValue> buckets, TKey key, Func<TValue> create)
            where TKey : notnull
        {
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = create();
            }

            return bucket;
        }

        private static string? Single(HashSet<string> values) => values.Count == 1 ? values.First() : null;

        /// <summary>Who an Observation is about: the Patient it resolves to in the file, else its reference, identifier or display as written.</summary>
        private static string? SubjectKey(ResourceReference? subject, Dictionary<string, (Resource Resource, string Path)> byReference)
        {
            if (subject is null)
            {
                return null;
            }

            if (subject.Reference is { } text && byReference.TryGetValue(text, out var target))
            {
                return "resource:" + target.Path;
            }

            return subject.Reference is { Length: > 0 } reference ? "reference:" + reference
                : subject.Identifier?.Value is { Length: > 0 } identifier ? "identifier:" + subject.Identifier.System + "|" + identifier
                : subject.Display is { Length: > 0 } display ? "display:" + display
                : null;
        }

        /// <summary>
        /// Who a panel is about: the Patient its subject reference resolves to in the file. The file's only Patient stands
        /// in only when the panel names no subject at all; a subject named but not in the file is another person (their
        /// id comes from the reference, their sex stays unknown), never the file's Patient.
        /// </summary>
        private static (Patient? Patient, string? Id) Subject(
            ResourceReference? subject, Patient? onlyPatient, Dictionary<string, (Resource Resource, string Path)> byReference)
        {
            if (subject is null)
            {
                return (onlyPatient, null);
            }

            if (Resolve<Patient>(subject, byReference) is { } patient)
            {
                return (patient, null);
            }

            return (null, subject.Identifier?.Value is { Length: > 0 } identifier ? identifier : PatientId(subject.Reference));
        }

        /// <summary>The id in a Patient reference, relative (<c>Patient/b</c>) or absolute (<c>https://…/Patient/b/_history/2</c>).</summary>
        private static string? PatientId(string? reference)
        {
            const string Marker = "Patient/";
            var at = reference?.LastIndexOf(Marker, StringComparison.Ordinal) ?? -1;
            if (at < 0 || (at > 0 && reference![at - 1] != '/'))
            {
                return null;
            }

            var id = reference![(at + Marker.Length)..];
            var slash = id.IndexOf('/', StringComparison.Ordinal);
            id = slash < 0 ? id : id[..slash];
            return id.Length > 0 ? id : null;
        }

        private static T? Resolve<T>(ResourceReference? reference, Dictionary<string, (Resource Resource, string Path)> byReference)
            where T : Resource =>
            reference?.Reference is { } text && byReference.TryGetValue(text, out var target) ? target.Resource as T : null;

        private static DateOnly? DateOf(DataType? effective)
        {
            var text = effective switch
            {
                FhirDateTime dateTime => dateTime.Value,
                Period period => period.Start,
                _ => null,
            };
            return text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : null;
        }
    }
}
