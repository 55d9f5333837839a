package org.qiluvalley.planner;

import java.util.Arrays;

import org.qiluvalley.planner.importer.ImportCommand;
import org.qiluvalley.planner.web.OutOfMemoryIsFatal;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Qilu Optics Valley land-planning service; {@code import ...} as first argument runs the bulk import instead. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlannerApplication {

    public static void main(String[] args) {
        OutOfMemoryIsFatal.install();
        if (args.length > 0 && ImportCommand.NAME.equals(args[0])) {
            // The same application and configuration as the service, without the web server.
            System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length),
                    properties -> new SpringApplicationBuilder(PlannerApplication.class)
                            .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(properties)));
        } else {
            SpringApplication.run(PlannerApplication.class, args);
        }
    }
}
