package sempgw.agent.fidelity;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import sempgw.agent.mime.Slice;

/** Writes the bytes an {@link Entity} tree stands for, fetching referenced content from {@link Sources}. */
final class Rebuilder {
    private Rebuilder() {
    }

    static void write(Entity e, Sources sources, OutputStream out) throws IOException, ManifestException {
        switch (e) {
            case Entity.Carrier c -> out.write(sources.attachment(c.attachmentId()));
            case Entity.Raw r -> {
                r.header().writeTo(out);
                r.body().writeTo(out);
            }
            case Entity.TextRef t -> {
                t.header().writeTo(out);
                t.recipe().encode(t.recipe().textBytes(sources.body(t.bodyKey(), t.range())), out);
            }
            case Entity.AttachmentRef a -> {
                a.header().writeTo(out);
                a.recipe().encode(sources.attachment(a.attachmentId()), out);
            }
            case Entity.Multipart m -> {
                m.header().writeTo(out);
                List<Slice> seps = m.separators();
                for (int i = 0; i < m.parts().size(); i++) {
                    seps.get(i).writeTo(out);
                    write(m.parts().get(i), sources, out);
                }
                seps.getLast().writeTo(out);
            }
        }
    }
}
