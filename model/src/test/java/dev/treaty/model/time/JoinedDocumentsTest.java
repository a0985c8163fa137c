package dev.treaty.model.time;

import dev.treaty.model.AgreementFolder;
import dev.treaty.model.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which documents joined a version: all of them for the first, then only the new ones (what a timeline lists per version). */
class JoinedDocumentsTest {

    @Test
    void eachVersionNamesTheDocumentsThatJoinedIt() {
        AgreementFolder.Loaded loaded = AgreementFolder.load(List.of(Path.of("../examples/microsoft-openai")), Map.of());
        List<ConsolidatedAgreement> versions = loaded.histories().get(0).versions();
        assertThat(versions.get(0).joinedSince(Optional.empty())).extracting(Document::id).containsExactly("msft-openai");
        assertThat(versions.get(1).joinedSince(Optional.empty())).hasSizeGreaterThan(1).isEqualTo(versions.get(1).applied());
        for (int i = 1; i < versions.size(); i++) {
            ConsolidatedAgreement version = versions.get(i);
            assertThat(version.joinedSince(Optional.of(versions.get(i - 1)))).extracting(Document::id).containsExactly(version.latest().id());
            assertThat(version.joinedSince(Optional.of(version))).isEmpty();
        }
    }
}
