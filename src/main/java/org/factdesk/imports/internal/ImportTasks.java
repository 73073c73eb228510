package org.factdesk.imports.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.factdesk.imports.ImportId;
import org.factdesk.imports.ImportManagement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler task that runs an uploaded import in the background: the upload request returns at once, and an
 * execution that dies with its node is picked up again by the scheduler and resumes from the checkpoint.
 */
@Configuration(proxyBeanMethods = false)
class ImportTasks {

    @Bean
    OneTimeTask<String> importTask(ObjectProvider<ImportManagement> imports) {
        return Tasks.oneTime("imports-run", String.class)
                .execute((instance, context) -> imports.getObject().runUploaded(ImportId.valueOf(instance.getData())));
    }
}
